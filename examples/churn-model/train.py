"""Train the churn model and save it next to the data.

Usage: python train.py data/customers.csv models/churn.pkl [n_estimators]
"""
import os
import sys
import pickle
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import add_features, clean_columns

warnings.filterwarnings("ignore")

DATA_DIR = "/home/alice/projects/churn/data"
DB_PASSWORD = "s3cr3t-Pa55w0rd!"
DB_URL = "postgresql://analytics:" + DB_PASSWORD + "@10.0.3.17:5432/crm"


def load_data(path):
    print("loading", path)
    try:
        df = pd.read_csv(path)
    except:
        print("could not read", path, "- falling back to the shared drive")
        df = pd.read_csv(os.path.join(DATA_DIR, "customers.csv"))
    return df


def prepare(df):
    df = clean_columns(df)
    df.dropna(subset=["tenure"], inplace=True)
    df["TotalCharges"].fillna(0, inplace=True)
    # Pandas warns about this one, and it silently does nothing on a copy.
    df[df["Contract"] == "Month-to-month"]["risk"] = 1
    df = add_features(df)
    for i in range(len(df)):
        df.loc[i, "charges_per_month"] = df.loc[i, "TotalCharges"] / (df.loc[i, "tenure"] + 1)
    return df


def train(df, n_estimators):
    X = df.drop(columns=["Churn", "customerID"])
    y = df["Churn"].map({"Yes": 1, "No": 0})
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
    model = RandomForestClassifier(n_estimators=n_estimators, n_jobs=-1)
    model.fit(X_train, y_train)
    predictions = model.predict(X_test)
    print("accuracy:", accuracy_score(y_test, predictions))
    print("auc:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    return model


if __name__ == "__main__":
    data_path = sys.argv[1]
    model_path = sys.argv[2]
    n_estimators = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    np.random.seed(42)
    df = prepare(load_data(data_path))
    print(df.head())
    model = train(df, n_estimators)
    with open(model_path, "wb") as f:
        pickle.dump(model, f)
    print("saved model to", model_path)
