# fixture: F405
from os.path import *

__all__ = ["join", "defined"]  # expect: F405:12
defined = 1
print(join("a", "b"))  # expect: F405:7
print(len(defined))


def f():
    return exists("x")  # expect: F405:12


try:
    maybe  # expect: F405:5
except NameError:
    maybe = None
