try:
    pass
except* ValueError as e:
    pass
except* (TypeError, KeyError):
    raise
else:
    pass
finally:
    pass

try:
    x = 1
except Exception as exc:
    raise RuntimeError("boom") from exc
except (A, B):
    pass
except:
    pass

try:
    pass
finally:
    pass
assert x, "message"
assert y
raise
