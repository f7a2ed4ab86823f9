# fixture: S107


def connect(host, password="hunter2"):  # expect: S107:28
    pass


async def login(user, *, token="abc", retries=3):  # expect: S107:32
    pass


def positional_only(secret="xyz", /, other="y"):  # expect: S107:28
    pass


# Good
def from_env(password=None, token=""):
    pass


handler = lambda password="lambdas are not reported": password
