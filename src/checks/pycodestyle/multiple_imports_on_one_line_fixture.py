# fixture: E401
import os, sys  # expect: E401:1
import json
import re as regex, csv  # expect: E401:1
from collections import OrderedDict, defaultdict

x = 1; import glob, shutil  # expect: E401:8


def f():
    import math, cmath  # expect: E401:5
    return math, cmath
