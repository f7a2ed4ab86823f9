# fixture: PLR0912


def few(value):
    if value:
        return 1
    return 0


def many(value):  # expect: PLR0912:5
    if value == 0:
        value += 0
    elif value == 1:
        value += 1
    elif value == 2:
        value += 2
    elif value == 3:
        value += 3
    elif value == 4:
        value += 4
    elif value == 5:
        value += 5
    elif value == 6:
        value += 6
    elif value == 7:
        value += 7
    else:
        value = 0
    for item in range(3):
        pass
    else:
        pass
    try:
        pass
    except ValueError:
        pass
    finally:
        pass
    return value


def else_if(value):  # expect: PLR0912:5
    for a in range(3):
        if a:
            pass
        else:
            if value:
                pass
            else:
                pass
    match value:
        case 1:
            pass
        case 2:
            pass
        case 3:
            pass
        case _:
            pass
    while value:
        if value:
            pass
        elif value:
            pass
    with open("f") as h:
        if h:
            pass

