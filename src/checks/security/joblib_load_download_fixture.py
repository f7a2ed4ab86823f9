# fixture: DS605
import io
import urllib.request

import joblib
import requests
from huggingface_hub import hf_hub_download

path = hf_hub_download("someone/churn-model", "model.joblib", revision="abc")
model = joblib.load(path)  # expect: DS605:9
model = joblib.load(io.BytesIO(requests.get(MODEL_URL, timeout=10).content))  # expect: DS605:9
local, _ = urllib.request.urlretrieve(MODEL_URL)
with urllib.request.urlopen(MODEL_URL) as response:
    model = joblib.load(response)  # expect: DS605:13

# Good: files this project wrote
model = joblib.load("artifacts/model.joblib")
joblib.dump(model, "artifacts/model.joblib")
