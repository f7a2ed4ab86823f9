total = 1 + \
    2 + \
    3
if a and \
   b:
    pass
s = "abc" \
    "def"
with open("x") as f, \
     open("y") as g:
    pass
x = [
    1,
    2,  # comment
]
y = {
    'a': 1,

    'b': 2
}
def f(
    a,
    b,
):
    return (
        a
        + b
    )
z = (1); w = ((1, 2)); v = ((a)); u = (a)(b); t = (a).b; r = (a) + (b)
q = -1; p = not a; o = ~b; n = +c; m = a if b else c; k = a or b or c and d
