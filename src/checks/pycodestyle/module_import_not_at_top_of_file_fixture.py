# fixture: E402
"""Module docstring."""
from __future__ import annotations

import os
import sys

import pytest

__all__ = ["main"]
__version__: str = "1.0"
sys.path.insert(0, "lib")
os.environ["OMP_NUM_THREADS"] = "1"
pytest.importorskip("numpy")
import json

if os.name == "nt":
    SEP = "\\"
try:
    import numpy
except ImportError:
    numpy = None
with open(__file__) as handle:
    pass
import re

# Only the bare call is exempt, as in ruff: an assignment ends the section.
pa = pytest.importorskip("pyarrow")
import csv  # expect: E402:1


def main():
    import math
    return math, json, re, csv


x = 1; import glob  # expect: E402:8
if x:
    import shutil
