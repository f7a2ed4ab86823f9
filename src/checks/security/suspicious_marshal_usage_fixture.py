# fixture: S302
import json
import marshal

code = marshal.loads(blob)  # expect: S302:8
with open("x.bin", "rb") as f:
    code = marshal.load(f)  # expect: S302:12

# Good
blob = marshal.dumps(code)
data = json.loads(blob)
