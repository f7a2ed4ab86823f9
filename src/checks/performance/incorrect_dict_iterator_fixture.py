# fixture: PERF102
scores = {"a": 1, "b": 2}
for _, value in scores.items():  # expect: PERF102:17
    print(value)

for key, _ in scores.items():  # expect: PERF102:15
    print(key)

for key, value in scores.items():
    print(key, value)

for key, value in scores.items():
    pass

for (k1, k2), value in scores.items():  # expect: PERF102:24
    print(value)


def f(d):
    for name, model in d.items():  # expect: PERF102:24
        model.fit()


for key, value in scores.items(1):
    print(key)

for value in scores.values():
    print(value)
