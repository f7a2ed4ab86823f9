# fixture: F811
import os
import os  # expect: F811:8
import sys
import csv as c
import json
import json.decoder
from typing import overload

if sys.argv:
    import sys


def c():  # expect: F811:5
    pass


try:
    import yaml
except ImportError:
    yaml = None


def g():
    pass


def g():  # expect: F811:5
    pass


class K:
    pass


class K:  # expect: F811:7
    pass


@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x):
    return x


import shutil


def k():
    shutil = 1  # expect: F811:5
    return shutil


print(os, c, g, K, h, yaml, json)

from re import (
    fullmatch,
)
from re import (  # noqa: F811
    fullmatch,
)
from re import (
    search,
)
from re import (
    search,  # expect: F811:5
)
print(fullmatch, search)

# A definition, an import or a with/except name replacing an unread
# assignment is a redefinition too; another assignment is not.
Placeholder = Other = None
Other = 2


class Placeholder:  # expect: F811:7
    pass


def pager(text):  # expect: F811:5
    global pager
    pager = print
    pager(text)


with open(__file__) as handle:
    def opened():
        pass


def opened():  # a with body is a fork: no F811 across it
    pass


print(Placeholder, Other, handle, opened)
