# fixture: F841
def k(x):
    a = 1
    a = 2  # expect: F841:5
    (b, d) = (1, 2)  # expect: F841:6 F841:9
    e, f = x
    try:
        pass
    except ValueError as _err:
        pass
    except KeyError as err2:  # expect: F841:24
        pass
    for q in x:
        pass
    q = 1  # expect: F841:5
    with open(x) as w:  # expect: F841:21
        pass
    lam = lambda: (zz := 1)  # expect: F841:5 F841:20
    _unused = 3
    used = 4
    return used


def uses_locals():
    hidden = 1
    return locals()


def read_only_before_binding(items):
    for item in items:
        if item:
            print(last)
        last = item  # expect: F841:9
