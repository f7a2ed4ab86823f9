# fixture: F401
import os  # expect: F401:8
import sys
import os.path as osp  # expect: F401:19
from collections import OrderedDict, defaultdict  # expect: F401:25
from typing import List as List
from __future__ import annotations  # noqa: F404
import json, re  # expect: F401:14

try:
    import numpy
except ImportError:
    numpy = None

print(sys.argv, defaultdict, json)


def f():
    import pandas as pd  # expect: F401:22
    return 1

try:
    import yaml  # expect: F401:12
except ImportError:
    pass

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path  # expect: F401:25
    from decimal import Decimal

import shutil as shutil
import glob
__all__ = ["glob"]


def g(value: Decimal) -> None:
    return None


# `mp.connection` works because of the submodule import: ruff counts it used.
import multiprocessing as mp
import multiprocessing.connection
import xml.etree as et
import xml.etree.ElementTree  # expect: F401:8
from http import client
__all__ += ["client"]
import pprint  # expect: F401:8
__all__.append("pprint")  # as in ruff, append/extend do not export

print(mp.connection.wait, et)

# Names in string annotations and typing subscripts are uses; Literal values
# and Annotated metadata are not types.
from fractions import Fraction
from numbers import Number  # expect: F401:21
from typing import Annotated, Literal, Union, cast
import datetime
import calendar  # expect: F401:8

Ratio = Union["Fraction", int]
Kind = Literal["Number"]
Day = Annotated["datetime.date", "calendar"]
when = cast("datetime.date", None)

# A noqa on the first line of a parenthesised from-import covers every name in
# it, as ruff's does; on another line it covers only that line.
from string import (  # noqa: F401
    ascii_letters,
    digits,
)
from string import (
    hexdigits,  # noqa: F401
    octdigits,  # expect: F401:5
)


class WithImportedMethod:
    from email.iterators import walk  # a class attribute, not an unused import


def load_qt():
    global qtpy
    import qtpy  # sets the module's name: not reported
