# fixture: DS101
import numpy as np
import pandas as pd

df = pd.DataFrame({"age": [20, 30], "city": ["a", "b"]})
df2 = df[df.age > 18]  # expect: DS101:1
data_1 = df2.copy()  # expect: DS101:1
df_new = data_1.dropna()  # expect: DS101:1
tmp = df_new.groupby("city").age.mean()  # expect: DS101:1
adults = df[df.age > 18]
income_by_city = adults.groupby("city").age.mean()
a = income_by_city.sort_values()  # expect: DS101:1
X = np.ones((3, 3))
x, y = 1, 2
n = len(df)
df2 = df2.reset_index()

for c in df.columns:
    print(c)

squares = [v * v for v in range(3)]
scale = lambda s: s * 2


def sigmoid(z):
    e = np.exp(-z)
    return 1 / (1 + e)


def summarise(frame):
    foo = frame.describe()  # expect: DS101:5
    r = foo.T  # expect: DS101:5
    with open("out.txt") as f:
        f.write(str(r))
    try:
        pass
    except ValueError as e:
        raise
    return r


def temp():  # expect: DS101:5
    return 1
