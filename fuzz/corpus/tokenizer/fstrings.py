name = "w"
print(f"{name!r:>{10}} {{lit}} {f'{1+1}'}", rb"\x00", u"\N{BULLET}")
