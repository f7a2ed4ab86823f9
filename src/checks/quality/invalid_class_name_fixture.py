# fixture: N801


class FeatureBuilder:
    pass


class _PrivateModel:
    pass


class feature_builder:  # expect: N801:7
    pass


class Feature_Builder:  # expect: N801:7
    pass


class _lower:  # expect: N801:7
    pass


class HTTPServer:
    pass
