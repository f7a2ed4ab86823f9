# fixture: DS601
import os

password = "123456"  # expect: DS601:12
DB_PASSWORD = "Admin"  # expect: DS601:15
engine = connect(user="root", password="changeme")  # expect: DS601:40
if pwd == "letmein":  # expect: DS601:11
    pass


def login(user, password="qwerty"):  # expect: DS601:26
    pass


# Good: a strong (still hard-coded, reported by S105) value, env values,
# weak words under names that are not password-like.
password = "vT9#qL2!xw0Rm"
password = os.environ["PASSWORD"]
username = "admin"
connect(user="admin")
