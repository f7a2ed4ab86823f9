# fixture: PERF403
def index_of(names):
    index = {}
    for position, name in enumerate(names):
        index[name] = position  # expect: PERF403:9
    return index


def filtered(pairs):
    result = dict()
    for key, value in pairs:
        if value:
            result[key] = value  # expect: PERF403:13
    return result


def derived(names):
    index = {}
    for position, name in enumerate(names):
        index[name] = position + 1
    return index


def used_after(names):
    index = {}
    for position, name in enumerate(names):
        index[name] = position
    print(position)
    return index


def not_a_dict(names, index):
    for position, name in enumerate(names):
        index[name] = position


def kwargs_target(names, **index):
    for position, name in enumerate(names):
        index[name] = position  # expect: PERF403:9
