# fixture: DS205
import numpy as np
import pandas as pd

df = pd.read_csv("data.csv")
df["score"] = 0  # expect: DS205:15
df["label"] = ""  # expect: DS205:15

df["score"] = np.nan
df["count"] = 1
config = {}
config["name"] = ""
df.loc[0, "score"] = 0
