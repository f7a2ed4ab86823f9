# fixture: C901


def simple(value):
    if value:
        return 1
    return 0


def too_complex(value):  # expect: C901:5
    if value == 1:
        return 1
    elif value == 2:
        return 2
    elif value == 3:
        return 3
    elif value == 4:
        return 4
    for item in range(value):
        while item:
            item -= 1
    try:
        pass
    except ValueError:
        pass
    except KeyError:
        pass
    else:
        pass
    match value:
        case 1:
            pass
        case _:
            pass
    return 0


def nested_functions(value):
    def first():
        if value:
            return 1

    def second():
        if value:
            return 2

    with open("x") as handle:
        if handle:
            return first() or second()
    return 0


class Model:
    async def predict(self, rows):  # expect: C901:15
        for row in rows:
            if row > 1:
                pass
            elif row > 2:
                pass
            elif row > 3:
                pass
            elif row > 4:
                pass
            else:
                if row > 5:
                    pass
        while rows:
            if rows:
                break
        async for item in rows:
            if item:
                break
