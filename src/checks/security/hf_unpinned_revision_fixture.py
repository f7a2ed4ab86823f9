# fixture: DS604
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

tok = AutoTokenizer.from_pretrained("bert-base-uncased")  # expect: DS604:37
model = AutoModelForSequenceClassification.from_pretrained("org/churn-model")  # expect: DS604:60
path = hf_hub_download("org/churn-model", "model.joblib")  # expect: DS604:24
ds = load_dataset("imdb")  # expect: DS604:19
clf = pipeline("sentiment-analysis", model="distilbert-base-uncased")  # expect: DS604:44

# Good: pinned revisions, local paths, names computed at run time
tok = AutoTokenizer.from_pretrained("bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
model = AutoModelForSequenceClassification.from_pretrained("./models/churn")
model = AutoModelForSequenceClassification.from_pretrained(config.model_name)
ds = load_dataset("csv", data_files="train.csv", revision="v1.0")
clf = pipeline("sentiment-analysis", model="/opt/models/sst2")
