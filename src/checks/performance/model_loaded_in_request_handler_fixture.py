# fixture: DS306
import joblib
from fastapi import FastAPI
from flask import Flask

app = FastAPI()
web = Flask(__name__)
model = joblib.load("model.joblib")


@app.post("/predict")
def predict(features: list):
    local = joblib.load("model.joblib")  # expect: DS306:13
    return local.predict([features])


@web.route("/labels")
def labels():
    return open("labels.txt").read()  # expect: DS306:12


@app.get("/fast")
async def fast(features: list):
    return model.predict([features])


def helper():
    return joblib.load("model.joblib")
