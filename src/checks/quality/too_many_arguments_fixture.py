# fixture: PLR0913
from typing import overload, override


def five(a, b, c, d, e):
    return a


def six(a, b, c, d, e, f):  # expect: PLR0913:5
    return a


def with_star(a, b, c, d, e, *args, **kwargs):
    return a


def keyword_only(a, b, c, *, d, e, f):  # expect: PLR0913:5
    return a


def dummies(a, b, c, d, e, _unused, _):
    return a


class Model:
    def fit(self, a, b, c, d, e):
        return a

    def predict(self, a, b, c, d, e, f):  # expect: PLR0913:9
        return a

    @classmethod
    def build(cls, a, b, c, d, e):
        return a

    @staticmethod
    def helper(a, b, c, d, e, f):  # expect: PLR0913:9
        return a

    @override
    def score(self, a, b, c, d, e, f, g):
        return a

    @overload
    def transform(self, a, b, c, d, e, f, g): ...
