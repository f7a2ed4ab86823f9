# fixture: D101
"""Classes with and without docstrings."""


class Documented:
    """A documented class."""


class Undocumented:  # expect: D101:7
    pass


class _Private:
    pass


class Outer:  # expect: D101:7
    class Inner:
        pass


if True:
    class Conditional:  # expect: D101:11
        value = 1


def factory():
    """Build a class."""
    class Local:
        pass
    return Local
