# fixture: DS304
labels = []
for i in range(10):
    labels = labels + [i]  # expect: DS304:14
    labels = [i] + labels  # expect: DS304:14

for i in range(10):
    labels.append(i)
    labels += [i]
total = labels + [1]
