# fixture: DS303
import numpy as np
import pandas as pd

paths = ["a.csv", "b.csv"]
result = pd.DataFrame()
for path in paths:
    result = pd.concat([result, pd.read_csv(path, dtype=str)])  # expect: DS303:14

values = np.empty(0)
for i in range(10):
    values = np.append(values, i)  # expect: DS303:14
    stacked = np.vstack([values, values])

frames = [pd.read_csv(path, dtype=str) for path in paths]
combined = pd.concat(frames, ignore_index=True)
rows = []
for i in range(3):
    rows.append(i)
