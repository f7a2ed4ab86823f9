# fixture: F821
import typing


def f() -> int:
    x: int = 1
    return x


class A:
    __module__

    def g(self):
        return __class__


print(__file__, __name__, __builtins__, __doc__, __annotations__, WindowsError)
try:
    unknown1
except NameError:
    pass
del unknown3  # expect: F821:5
print(later)  # expect: F821:7
later = 1


def h():
    print(later2)


later2 = 1
[y for y in z]  # expect: F821:13
t: typing.List[int] = []


def forward(x: "Later", y: "Missing") -> "list[Later]":  # expect: F821:29
    return [x]


class Later:
    pass


def metadata(x: typing.Annotated[int, "not a name"], y: "Missin\x67") -> None:  # expect: F821:57
    return None


# Names are resolved in source order, as ruff and pyflakes do: a read before
# the function's own binding, or after a del or an except handler, is unbound.
def loop_read_before_binding(items):
    for item in items:
        if item:
            print(previous)  # expect: F821:19
        previous = item
    return previous


def read_after_del():
    gone = 1
    del gone
    return gone  # expect: F821:12


def read_after_handler():
    try:
        pass
    except ValueError as error:
        pass
    return error  # expect: F821:12


def uses_deleted_global():
    return deleted_later()  # expect: F821:12


def deleted_later():
    pass


del deleted_later
