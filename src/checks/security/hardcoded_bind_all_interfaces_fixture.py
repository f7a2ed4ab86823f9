# fixture: S104
app.run(host="0.0.0.0", port=8080)  # expect: S104:14
HOST = "0.0.0.0"  # expect: S104:8
url = f"0.0.0.0"  # expect: S104:9
port = f"{host}0.0.0.0"  # expect: S104:16
joined = "0.0.0" ".0"  # expect: S104:10

# Good
app.run(host="127.0.0.1")
bind = "0.0.0.0:8000"
raw = b"0.0.0.0"
