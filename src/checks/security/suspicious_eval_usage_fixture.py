# fixture: S307
import ast
import builtins

labels = eval(row["labels"])  # expect: S307:10
total = builtins.eval("1 + 1")  # expect: S307:9

# Good
labels = ast.literal_eval(row["labels"])
model.eval()


def shadow(eval):
    return eval("not the builtin")
