# fixture: PD011
import pandas as pd

df = pd.read_csv("data.csv")
matrix = df.values  # expect: PD011:10
first = df[["a", "b"]].values[0]  # expect: PD011:9
for frame in [df]:
    print(frame.values)


def to_array(frame):
    return frame.values  # expect: PD011:12


class Holder:
    def get(self):
        return self.values


ok = df.to_numpy()
np_array = pd.DataFrame.values  # expect: PD011:12
items = {"a": 1}.values()
counts = {"a": 1}.values
df.values = None
x = sum(df.values)
with open("f") as fh:
    y = fh.values
z = pd.values
