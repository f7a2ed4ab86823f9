# fixture: DS105
"""Paths: /home/alice/data.csv in a docstring is documentation."""
import os
from pathlib import Path

import numpy as np
import pandas as pd

train = pd.read_csv("/home/alice/projects/churn/train.csv")  # expect: DS105:21
test = pd.read_csv("/data/churn/test.csv")  # expect: DS105:20
relative = pd.read_csv("data/test.csv")
MODEL_DIR = "C:\\Users\\bob\\models"  # expect: DS105:13
MAC_DIR = "/Users/carol/Downloads/"  # expect: DS105:11
archive = np.load(f"/mnt/archive/{MODEL_DIR}.npy")  # expect: DS105:19
handle = open("~/notes.txt")  # expect: DS105:15
expanded = pd.read_csv("~/data.csv")
home = Path("~/data").expanduser()
device = open("/dev/null")
scratch = open("/tmp/scratch.txt", "w")
pattern = "/api/v1/items"
frame = train.copy()
frame.to_parquet(path="/srv/output/frame.parquet")  # expect: DS105:23
listing = os.listdir("D:/datasets")  # expect: DS105:22
