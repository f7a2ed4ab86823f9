# fixture: DS201
import pandas as pd

df = pd.read_csv("sales.csv")
for i, row in df.iterrows():  # expect: DS201:15
    df.loc[i, "total"] = row["price"] * row["qty"]

totals = [row.price for row in df.itertuples()]  # expect: DS201:32

df["total"] = df["price"] * df["qty"]
for column in df.columns:
    print(column)
