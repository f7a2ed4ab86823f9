# fixture: S110
try:
    import numpy
except ImportError:
    pass

try:
    value = 1
except:  # expect: S110:1
    pass

try:
    value = 1
except Exception:  # expect: S110:1
    pass

try:
    value = 1
except (KeyError, BaseException):  # expect: S110:1
    pass

try:
    value = 1
except Exception:
    value = 0


def load():
    try:
        return 1
    except Exception as error:  # expect: S110:5
        pass
