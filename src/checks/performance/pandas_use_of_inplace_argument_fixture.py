# fixture: PD002
import pandas as pd

df = pd.read_csv("data.csv")
df.dropna(inplace=True)  # expect: PD002:11
df.drop(columns=["a"], inplace=True)  # expect: PD002:24
df.sort_values("a", inplace=True, ascending=False)  # expect: PD002:21
x = df.fillna(0, inplace=True)  # expect: PD002:18
df.rename(columns={"a": "b"}, inplace=True, **{})  # expect: PD002:31


def clean(frame):
    frame.reset_index(inplace=True)  # expect: PD002:23
    return frame


df = df.dropna()
df.dropna(inplace=False)
df.to_csv("out.csv", inplace=True)
df.dropna(**{"inplace": True})
