# fixture: B006
import collections
from typing import Sequence, Optional


def bad_list(columns=[]):  # expect: B006:22
    return columns


def bad_dict(*, options={"a": 1}):  # expect: B006:25
    return options


def bad_call(seen=set(), counts=collections.Counter()):  # expect: B006:19 B006:33
    return seen, counts


async def bad_async(rows=[row for row in range(3)]):  # expect: B006:26
    return rows


def bad_generic(items=list[int]()):  # expect: B006:23
    return items


def good_none(columns=None):
    return columns


def good_tuple(columns=()):
    return columns


def good_annotated(columns: Sequence[str] = [], other: Optional[Sequence[int]] = []):
    return columns, other


def bad_annotated(columns: list = []):  # expect: B006:35
    return columns


scale = lambda values=[]: values
