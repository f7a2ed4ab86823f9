# fixture: DS305
import numpy as np

x = np.arange(10.0)
y = np.zeros(10)
for i in range(len(x)):  # expect: DS305:10
    y[i] = x[i] * 2 + 1

for i in range(x.shape[0]):  # expect: DS305:10
    y[i] += x[i]

y = x * 2 + 1
names = ["a", "b"]
for i in range(len(names)):
    print(names[i])
