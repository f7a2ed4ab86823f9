# fixture: PERF401
values = [1, -2, 3]


def squares_of(values):
    squares = []
    for x in values:
        if x > 0:
            squares.append(x * x)  # expect: PERF401:13
    return squares


def extended(values):
    result = [0]
    for x in values:
        result.append(x + 1)  # expect: PERF401:9
    return result


def copied(values):
    result = []
    for x in values:
        result.append(x)
    return result


def uses_target_after(values):
    result = []
    for x in values:
        result.append(x * 2)
    print(x)
    return result


def self_reference(values):
    result = []
    for x in values:
        result.append(result[-1] + x)
    return result


def not_a_list(values, result):
    for x in values:
        result.append(x * 2)


def two_statements(values):
    result = []
    for x in values:
        print(x)
        result.append(x * 2)
    return result
