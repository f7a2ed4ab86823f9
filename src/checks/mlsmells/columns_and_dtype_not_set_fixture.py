# fixture: DS204
import pandas as pd
from pandas import read_csv

events = pd.read_csv("events.csv")  # expect: DS204:10
users = read_csv("users.csv", usecols=["id"])  # expect: DS204:9
sheet = pd.read_excel("book.xlsx")  # expect: DS204:9

typed = pd.read_csv("events.csv", usecols=["id", "kind"], dtype={"id": "int32"})
options = {"dtype": str}
forwarded = pd.read_csv("events.csv", **options)
parquet = pd.read_parquet("events.parquet")
