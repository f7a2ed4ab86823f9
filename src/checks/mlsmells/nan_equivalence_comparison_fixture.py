# fixture: DS202
import math

import numpy as np
import pandas as pd

df = pd.DataFrame({"age": [1.0, None]})
missing = df[df["age"] == np.nan]  # expect: DS202:14
present = df["age"] != math.nan  # expect: DS202:11
if float("NaN") == df["age"][0]:  # expect: DS202:4
    pass
flag = df["age"][1] == pd.NA  # expect: DS202:8

missing = df[df["age"].isna()]
ok = np.isnan(df["age"][0])
same = df["age"][0] == 1.0
