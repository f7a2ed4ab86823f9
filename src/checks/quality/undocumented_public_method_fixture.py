# fixture: D102
"""Methods with and without docstrings."""
from typing import override


class Model:
    """A model."""

    def __init__(self):
        pass

    def __len__(self):
        return 0

    def __call__(self):  # expect: D102:9
        return 0

    def fit(self):  # expect: D102:9
        pass

    def predict(self):
        """Predict."""

    def _helper(self):
        pass

    @property
    def size(self):  # expect: D102:9
        return 1

    @size.setter
    def size(self, value):
        pass

    @override
    def score(self):
        pass


class _Hidden:
    def method(self):
        pass
