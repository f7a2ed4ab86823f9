# fixture: T201
import sys
import builtins

print("hello")  # expect: T201:1
print("error", file=sys.stderr)  # expect: T201:1
print("none", file=None)  # expect: T201:1
builtins.print("x")  # expect: T201:1

with open("log.txt", "w") as handle:
    print("to file", file=handle)


def show(value):
    result = print(value)  # expect: T201:14
    return result


def shadowed():
    print = len
    return print("abc")
