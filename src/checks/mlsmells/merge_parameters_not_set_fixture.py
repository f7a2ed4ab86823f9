# fixture: DS206
import pandas as pd

orders = pd.read_csv("orders.csv", dtype=str)
customers = pd.read_csv("customers.csv", dtype=str)
joined = orders.merge(customers)  # expect: DS206:10
both = pd.merge(orders, customers, on="id")  # expect: DS206:8

good = orders.merge(customers, how="left", on="customer_id", validate="many_to_one")
fine = pd.merge(orders, customers, how="inner", left_on="a", right_on="b", validate="1:1")
settings = {"a": 1}
