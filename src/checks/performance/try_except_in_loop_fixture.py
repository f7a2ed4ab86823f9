# fixture: PERF203
for path in ["a", "b"]:
    try:
        print(path)
    except OSError:  # expect: PERF203:5
        pass

while True:
    try:
        print(1)
    except ValueError:  # expect: PERF203:5
        pass

for path in ["a", "b"]:
    try:
        print(path)
    except OSError:  # expect: PERF203:5
        continue

for path in ["a", "b"]:
    try:
        print(path)
        break
    except OSError:
        pass

for path in ["a", "b"]:
    print(path)
    try:
        print(path)
    except OSError:
        pass

try:
    for path in ["a", "b"]:
        print(path)
except OSError:
    pass
