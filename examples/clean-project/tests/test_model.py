import pandas as pd
import pytest

from forecast.model import SeasonalNaive


def test_repeats_last_season():
    history = pd.Series([1, 2, 3, 4, 5, 6, 7, 8])
    result = SeasonalNaive(season_length=2).forecast(history, 3)
    assert result.tolist() == [7, 8, 7]


def test_rejects_short_history():
    with pytest.raises(ValueError):
        SeasonalNaive().forecast(pd.Series([1.0]), 1)
