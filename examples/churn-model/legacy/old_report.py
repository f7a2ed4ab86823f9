# Weekly churn report, from before the move to Python 3.
import csv

def main(path):
    total = 0
    with open(path) as f:
        for row in csv.DictReader(f):
            total += 1
    print "customers:", total

if __name__ == "__main__":
    main("customers.csv")
