# fixture: S106
import os

connect(host="db", password="hunter2")  # expect: S106:20
client = Client(api_token="abc", user="me")  # expect: S106:17
session.login(user_secret="x", timeout=3)  # expect: S106:15

# Good
connect(host="db", password=os.environ["PGPASSWORD"])
connect(password="")
connect(token=b"bytes")
connect(api_key="not a password-like name")
connect(**{"password": "unpacked mappings are not read"})
