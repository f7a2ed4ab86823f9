f0 = lambda: 0
f1 = lambda a, b=1, *args,a: a
f5 = lambda a=1, /, b=2: 0
f6 = lambda x: lambda y: x + y
def g(a, b: int = 1, /, c: "str" = "", *args: intÿ, d, e: float = 1.0, **kw: dict) -> None:
    pass
def h(*, a, /b=1): pass
def i(a, /): pass
def j(a, b, /, c, d, *, e, f): pass
