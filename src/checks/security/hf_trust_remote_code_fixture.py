# fixture: DS603
from datasets import load_dataset
from transformers import AutoModel, AutoTokenizer

model = AutoModel.from_pretrained("someone/fancy-model", trust_remote_code=True)  # expect: DS603:58
tok = AutoTokenizer.from_pretrained(
    "someone/fancy-model",
    revision="a1b2c3d",
    trust_remote_code=True,  # expect: DS603:5
)
ds = load_dataset("someone/data", trust_remote_code=True)  # expect: DS603:35

# Good
model = AutoModel.from_pretrained("bert-base-uncased", trust_remote_code=False)
other.load(trust_remote_code=True)
