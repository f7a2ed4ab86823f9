import os

API_KEY = os.environ["API_KEY"]
password = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"  # S105 reports this one
DB_URL = f"postgresql://{user}:{password}@{host}/app"
