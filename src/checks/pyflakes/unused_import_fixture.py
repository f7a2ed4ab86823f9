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
