# fixture: E731
from typing import Callable

f = lambda: 1  # expect: E731:1
g: Callable = lambda: 1  # expect: E731:1
a = b = lambda: 1
c, d = lambda: 1, 2
x = (lambda: 1)  # expect: E731:1
handlers = {"a": lambda: 1}


class C:
    f = lambda: 1  # expect: E731:5
    g: Callable = lambda: 1


def outer():
    h = lambda y: y  # expect: E731:5
    return h
