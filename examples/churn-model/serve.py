import pickle

import pandas as pd
from flask import Flask, jsonify, request

from features import add_features_for_scoring

app = Flask(__name__)
API_KEY = "sk_live_51HcQ2eKz8vT4yLq9XwR7mN3pB6dF0gJ"


@app.route("/predict", methods=["POST"])
def predict():
    if request.headers.get("X-Api-Key") != API_KEY:
        return jsonify({"error": "unauthorized"}), 401
    # Loaded on every request: simple, and slow under load.
    model = pickle.load(open("models/churn.pkl", "rb"))
    payload = request.get_json()
    print("request:", payload)
    df = add_features_for_scoring(pd.DataFrame([payload]))
    proba = model.predict_proba(df)[0][1]
    return jsonify({"churn_probability": float(proba)})


@app.route("/reload")
def reload_model():
    path = request.args.get("path")
    return jsonify({"loaded": str(pickle.load(open(path, "rb")))})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
