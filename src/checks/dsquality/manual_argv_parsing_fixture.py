# fixture: DS103
import argparse
import sys
from sys import argv

learning_rate = float(sys.argv[1])  # expect: DS103:23
epochs = int(argv[2])  # expect: DS103:14
verbose = "--verbose" in sys.argv  # expect: DS103:11
if len(sys.argv) > 3:  # expect: DS103:4
    extra = sys.argv[3:]  # expect: DS103:13

for arg in sys.argv:  # expect: DS103:12
    pass

flags = [item for item in sys.argv if item.startswith("-")]  # expect: DS103:27

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=10)
args = parser.parse_args(sys.argv[1:])
program = sys.argv


def main(argv=None):
    return parser.parse_args(argv)


main(sys.argv)
main(argv=sys.argv[1:])
