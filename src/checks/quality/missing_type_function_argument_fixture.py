# fixture: ANN001
from typing import overload


def typed(frame: object, columns: list) -> None:
    pass


def untyped(frame, columns: list, *args, flag=False, **kwargs):  # expect: ANN001:13 ANN001:42
    pass


class Model:
    def fit(self, features):  # expect: ANN001:19
        pass

    @staticmethod
    def build(config):  # expect: ANN001:15
        pass

    @classmethod
    def load(cls, path: str):
        pass


@overload
def parse(value: int) -> int: ...
@overload
def parse(value: str) -> str: ...
def parse(value):
    return value


def outer(x: int):
    def inner(y):  # expect: ANN001:15
        return y
    return inner


handler = lambda event: event
