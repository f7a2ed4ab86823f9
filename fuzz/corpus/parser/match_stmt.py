match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(0, y=yy) as pt if yy > 0:
        pass
    case {"x": 1, "y": y, **rest}:
        pass
    case {1: _, Color.RED: [1, 2]}:
        pass
    case 1 | -2 | 3.5 | -1 + 2j | 3 - 4j | "s" "t" | b"b" | None | True | False:
        pass
    case Color.RED | mod.Color.BLUE:
        pass
    case (1, 2) | (3,) | () | []:
        pass
    case ((a)):
        pass
    case a, *b, c:
        pass
    case _:
        pass

match x,:
    case _:
        pass

match (x):
    case {}:
        pass

match = 1
match(x)
match[1] = 2
print(match, case := 3)
case = type = _ = 1
type(x)
