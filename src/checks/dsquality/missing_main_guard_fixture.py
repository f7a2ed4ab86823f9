# fixture: DS104
"""A training script that runs on import."""
import logging
import warnings

import numpy as np
import pandas as pd

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)
logger.setLevel(logging.DEBUG)
warnings.filterwarnings("ignore")
np.random.seed(0)
pd.set_option("display.max_columns", 50)
COLUMNS = ["age", "income"]
EPS = np.finfo(float).eps
_DEFAULTS = {}
_DEFAULTS.update({"sep": ","})
for _name in COLUMNS:
    _DEFAULTS[_name] = None


def clean(frame):
    return frame.dropna()


class Model:
    def fit(self, frame):
        return self


frame = pd.read_csv("sales.csv")  # expect: DS104:1
model = Model()
model.fit(clean(frame))
for column in COLUMNS:
    print(column)

if __name__ == "__main__":
    main = Model()
    main.fit(frame)
