# fixture: DS203
import pandas as pd

df = pd.read_csv("people.csv")
df[df["age"] > 60]["group"] = "senior"  # expect: DS203:1
value = df["price"][3]  # expect: DS203:9
first = df.loc[0]["name"]  # expect: DS203:9

df.loc[df["age"] > 60, "group"] = "senior"
value = df.loc[3, "price"]
matrix = [[1, 2], [3, 4]]
cell = matrix[0][1]
