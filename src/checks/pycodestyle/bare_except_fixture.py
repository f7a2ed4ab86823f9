# fixture: E722
try:
    pass
except ValueError:
    pass
except:  # expect: E722:1
    pass

try:
    pass
except:
    raise

try:
    pass
except:  # expect: E722:1
    if True:
        raise
