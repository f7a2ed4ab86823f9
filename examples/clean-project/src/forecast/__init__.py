"""Seasonal-naive demand forecasts."""

from forecast.model import SeasonalNaive

__all__ = ["SeasonalNaive"]
