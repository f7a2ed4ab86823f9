# fixture: PERF101
items = (1, 2, 3)
for i in list(items):  # expect: PERF101:10
    print(i)

for i in list([1, 2, 3]):  # expect: PERF101:10
    print(i)

for i in list({1, 2}):  # expect: PERF101:10
    print(i)

names = ["a", "b"]
for n in list(names):
    names.append(n)

for n in list(names):  # expect: PERF101:10
    print(n)

for c in list("abc"):
    print(c)

gen = (x for x in range(3))
for g in list(gen):
    print(g)

for i in items:
    print(i)
