counter = 0


def outer():
    global counter, other
    value = 1

    def inner():
        nonlocal value
        value += 1
        counter: int = 2
    return inner


class Holder:
    attr: int
    (paren): int = 1
    obj.attr: str = "x"
    seq[0]: float
    x = y = z = 0
    a += 1; b -= 2; c *= 3; d @= 4; e /= 5; f %= 6; g &= 7; h |= 8; i ^= 9
    j <<= 1; k >>= 2; l **= 3; m //= 4
