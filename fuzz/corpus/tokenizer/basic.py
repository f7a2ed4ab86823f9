def f(x, *args, **kw):
    """Doc."""
    if x:
        return 0x_ff + 1.5e-3j
    return [y for y in args if y]  # comment
