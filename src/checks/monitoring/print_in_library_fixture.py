# fixture: DS701
"""A library module: importing it only defines things."""
import logging
import sys

logger = logging.getLogger(__name__)
THRESHOLD = 0.5


def load_features(path):
    rows = read(path)
    print(f"loaded {len(rows)} rows")  # expect: DS701:5
    return rows


class Trainer:
    def fit(self, data):
        print("epoch", 1, file=sys.stderr)  # expect: DS701:9
        logger.info("fitted")


# Good: writing data to a file is not a diagnostic; logging is fine.
def export(rows, handle):
    print(*rows, sep="\n", file=handle)
    logger.info("exported %d rows", len(rows))


def shadowed(print):
    print("a parameter, not the builtin")
