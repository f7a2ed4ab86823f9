# fixture: DS301
import pandas as pd

df = pd.read_csv("sales.csv", dtype=float)
for i in range(len(df)):  # expect: DS301:10
    df.loc[i, "total"] = df.loc[i, "price"] * df.loc[i, "qty"]

for label in df.index:  # expect: DS301:14
    print(df.at[label, "price"])

df["total"] = df["price"] * df["qty"]
for i in range(len(df.columns)):
    print(i)
names = ["a", "b"]
for i in range(len(names)):
    print(names[i])
