# fixture: N806
from collections import namedtuple
from typing import NamedTuple, TypeVar

GLOBAL_LIMIT = 10


def transform(frame):
    total_rows = len(frame)
    TotalRows = len(frame)  # expect: N806:5
    for Index, row in enumerate(frame):  # expect: N806:9
        pass
    with open("f") as Handle:  # expect: N806:23
        pass
    Point = namedtuple("Point", "x y")
    Pair = NamedTuple("Pair", [("a", int)])
    T = TypeVar("T")
    squares = [Value * 2 for Value in frame]
    return total_rows, TotalRows, Point, Pair, T, squares


def set_limit():
    global GLOBAL_LIMIT
    GLOBAL_LIMIT = 5


def matcher(command):
    match command:
        case [Verb, *Rest]:  # expect: N806:15 N806:22
            return Verb, Rest
        case {"k": 1, **Extra}:  # expect: N806:25
            return Extra
        case [1] as Whole:  # expect: N806:21
            return Whole


class Config:
    Threshold = 0.5
