# fixture: F405
# Module code before the star import cannot use its names (F821's business),
# a function body can: it runs later, as ruff's deferred walk sees it.
def early():
    return isdir("x")  # expect: F405:12


print(before_star)  # F821, not F405

from os.path import *

__all__ = ["join", "defined", "len"]  # expect: F405:12
defined = 1
print(join("a", "b"))  # expect: F405:7
print(len(defined))
del not_bound  # F821 whatever a star import brings


def forward(x: "Frame") -> None:  # expect: F405:17
    return None


def f():
    return exists("x")  # expect: F405:12


try:
    maybe  # expect: F405:5
except NameError:
    maybe = None
