# fixture: DS207
from pathlib import Path

import pandas as pd

df = pd.read_csv("data.csv", dtype=str)
df.dropna()  # expect: DS207:1
df.drop(columns=["id"])  # expect: DS207:1
df["a"].astype(int)  # expect: DS207:1
df.rename(columns={"a": "b"})  # expect: DS207:1

df = df.dropna()
df.dropna(inplace=True)
Path("a.txt").rename("b.txt")
text = "abc"
text.replace("a", "b")
