# fixture: DS307
import joblib
import torch
from transformers import AutoModel

texts = ["a", "b"]
for text in texts:
    model = AutoModel.from_pretrained("bert-base-uncased")  # expect: DS307:13
    weights = torch.load("weights.pt")  # expect: DS307:15
    print(model, weights, text)

for path in ["a.joblib", "b.joblib"]:
    estimator = joblib.load(path)
    with open(path) as handle:
        content = open(path).read()

model = AutoModel.from_pretrained("bert-base-uncased")
for text in texts:
    print(model, text)
