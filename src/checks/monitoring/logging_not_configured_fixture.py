# fixture: DS702
import logging

logger = logging.getLogger(__name__)


def main():
    logger.info("training started")


if __name__ == "__main__":  # expect: DS702:4
    main()
