# fixture: DS102
"""Clones are found in the project stage, which the fixture test runs on this
file as a project of one; duplicated_code_test.cpp checks the same markers."""
import numpy as np
import pandas as pd


def prepare_train(frame):
    frame = frame.dropna(subset=["age", "income"])
    frame["age"] = frame["age"].clip(lower=0, upper=120)
    frame["income"] = np.log1p(frame["income"].astype(float))
    frame["ratio"] = frame["income"] / (frame["age"] + 1.0)
    frame = frame[frame["ratio"] > 0.5]
    return frame.reset_index(drop=True)


def prepare_serving(rows):  # expect: DS102
    rows = rows.dropna(subset=["age", "salary"])
    rows["age"] = rows["age"].clip(lower=0, upper=99)
    rows["salary"] = np.log1p(rows["salary"].astype(float))
    rows["share"] = rows["salary"] / (rows["age"] + 2.0)
    rows = rows[rows["share"] > 0.1]
    return rows.reset_index(drop=True)


def summary(frame):
    return pd.DataFrame({"rows": [len(frame)]})


TABLE = [
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
    (1, 2, 3), (4, 5, 6), (7, 8, 9), (1, 2, 3), (4, 5, 6), (7, 8, 9),
]
