# fixture: S105
import os

password = "s3cr3t"  # expect: S105:12
DB_PASSWORD = "hunter2"  # expect: S105:15
api_token: str = "abc123"  # expect: S105:18
config.secret = "xyz"  # expect: S105:17
settings["passwd"] = "xyz"  # expect: S105:22
a = db_pwd = "pw"  # expect: S105:14
if password == "letmein":  # expect: S105:16
    pass
if token != "a" != "b":  # expect: S105:13 S105:20
    pass

# Good: values from the environment, empty strings, other names, bytes.
password = os.environ["PASSWORD"]
password = ""
mypassword = "not matched: no separator before the keyword"
password_length = 12
token = b"bytes are not reported"
secret = f"{prefix}-formatted"
settings[0] = "key is not a string"
if "admin" == password:
    pass
