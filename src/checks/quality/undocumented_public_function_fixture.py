# fixture: D103
"""Functions with and without docstrings."""
from typing import overload

__all__ = ["exported", "undocumented", "parse"]


def exported():
    """Documented."""


def undocumented():  # expect: D103:5
    pass


def not_exported():
    pass


def _private():
    pass


@overload
def parse(value: int) -> int: ...
@overload
def parse(value: str) -> str: ...
def parse(value):  # expect: D103:5
    return value
