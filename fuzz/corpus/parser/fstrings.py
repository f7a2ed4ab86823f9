name = "world"
width = 10
a = f"hello {name}!"
b = f"{name!r} {name!s:>{width}} {name!a}"
c = f"{name=}" f"{width = :>5}" f"{width=!s}"
d = f"{'nested'} {f'{name}'}" + f'''{f"{width}"} {f'{name!r}'}'''
e = f"""multi
line {name}
  {width +
   1} end"""
f = (f"a{name}"
     "b"
     f"{width:0{width}d}c")
g = f"{{literal}} {name:{'>' if width else '<'}{width}}"
h = rf"\d{name}\n" + fr'{name}\t'
i = f"{name, width}" + f"{[x for x in name]}" + f"{ {'k': 1}['k'] }"
j = f"{3.14:.2f} {width:#x} {name!r:^20} {width:{width}.{width}}"
k = u"unicode" "joined"
l = f"{(lambda: 2)()}" if False else f"{x:{y}}"
m = f"{name:%Y-%m-%d}" f"{'é'}ü{name}"
n = f"""{
name}"""
