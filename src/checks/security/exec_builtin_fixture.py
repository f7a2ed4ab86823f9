# fixture: S102
exec("model = " + name + "()")  # expect: S102:1
if True:
    exec(code, {})  # expect: S102:5

# Good
session.exec(query)
cursor.exec("fine: a method")


def run(exec):
    exec("a parameter shadows the builtin")
