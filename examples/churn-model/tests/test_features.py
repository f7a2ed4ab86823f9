import pandas as pd

from features import monthly_to_yearly


def test_monthly_to_yearly():
    assert monthly_to_yearly([1, 2]) == [12, 24]
