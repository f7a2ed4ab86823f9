"""A seasonal-naive forecaster: tomorrow looks like the same day last season."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeasonalNaive:
    season_length: int = 7

    def forecast(self, history: pd.Series, horizon: int) -> pd.Series:
        """Repeats the last full season of `history` for `horizon` steps."""
        if horizon <= 0:
            raise ValueError("horizon must be positive")
        if len(history) < self.season_length:
            raise ValueError(f"need at least {self.season_length} observations")
        last_season = history.to_numpy()[-self.season_length :]
        values = np.resize(last_season, horizon)
        index = pd.RangeIndex(len(history), len(history) + horizon)
        logger.debug("forecast %d steps from %d observations", horizon, len(history))
        return pd.Series(values, index=index, name=history.name)
