# fixture: E741
l = 1  # expect: E741:1
I, O = 1, 2  # expect: E741:1 E741:4
length = 3


def f(l, *I, O=1, **kw):  # expect: E741:7 E741:11 E741:14
    global length
    for l in []:  # expect: E741:9
        pass
    with open("x") as l:  # expect: E741:23
        pass
    try:
        pass
    except ValueError as l:  # expect: E741:26
        pass
    [l for l in kw]  # expect: E741:12
    (l := 1)  # expect: E741:6
    match kw:
        case [l, *I]:
            pass
    g = lambda l: l  # expect: E741:16
    del l
    l += 1  # expect: E741:5
    l: int = 1  # expect: E741:5
    kw.l = 1
    return g


def h():
    global l  # expect: E741:12
    l = 2  # expect: E741:5
