"""Command line: forecast a CSV column."""

import argparse
import logging
import sys
from pathlib import Path

import pandas as pd

from forecast.model import SeasonalNaive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv", type=Path)
    parser.add_argument("--column", default="demand")
    parser.add_argument("--horizon", type=int, default=14)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    try:
        history = pd.read_csv(args.csv)[args.column]
    except (OSError, KeyError) as error:
        logging.error("cannot read %s: %s", args.csv, error)
        return 2
    SeasonalNaive().forecast(history, args.horizon).to_csv(sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
