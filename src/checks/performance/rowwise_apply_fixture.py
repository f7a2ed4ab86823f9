# fixture: DS302
import pandas as pd

df = pd.read_csv("sales.csv", dtype=float)
df["total"] = df.apply(lambda row: row["price"] * row["qty"], axis=1)  # expect: DS302:15
df["flag"] = df.apply(bool, axis="columns")  # expect: DS302:14

df["total"] = df["price"] * df["qty"]
sums = df.apply(sum)
per_column = df.apply(sum, axis=0)
