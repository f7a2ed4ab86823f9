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
