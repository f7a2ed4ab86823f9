a = [x for x in range(10)]
b = {x: y for x, y in pairs if x if y}
c = {x for x in s for y in x}
d = (x for x in range(3))
e = sum(x * x for x in range(3))
f = [(x, y) for x in a if x > 1 for y in b if y < x]
g = [[y for y in x] for x in m]
h = sorted(x for x in y)
i = any(x for x in a if x)
j = {**a, 'b': 1, **c}
k = [*a, *b]
l = {*a, 1}
async def main():
    r = [x async for x in aiter()]
    s = [await x for x in y]
    t = {x: y async for x, y in z}
    u = (x async for x in v)
