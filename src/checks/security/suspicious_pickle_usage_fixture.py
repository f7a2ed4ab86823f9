# fixture: S301
import json
import pickle
import pickle as pkl
from pickle import loads

import dill
import pandas as pd
import shelve

with open("model.pkl", "rb") as f:
    model = pickle.load(f)  # expect: S301:13
state = pkl.loads(blob)  # expect: S301:9
state = loads(blob)  # expect: S301:9
obj = dill.load(f)  # expect: S301:7
df = pd.read_pickle("frame.pkl")  # expect: S301:6
db = shelve.open("cache")  # expect: S301:6

# Good: writing pickles, and formats that cannot run code
pickle.dump(model, f)
data = json.loads(blob)
df = pd.read_parquet("frame.parquet")
