import numpy as np
import pandas as pd


def clean_columns(df):
    df.columns = [c.strip() for c in df.columns]
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce")
    return df


def add_features(df):
    df["tenure_years"] = df["tenure"] / 12
    df["is_long_term"] = np.where(df["tenure"] > 24, 1, 0)
    df["has_fiber"] = df["InternetService"].apply(lambda s: 1 if s == "Fiber optic" else 0)
    df["senior"] = df["SeniorCitizen"].apply(lambda s: 1 if s == 1 else 0)
    for col in ["OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport"]:
        df[col] = df[col].apply(lambda s: 1 if s == "Yes" else 0)
    df = pd.get_dummies(df, columns=["Contract", "PaymentMethod"])
    return df


def add_features_for_scoring(df):
    # Copied from add_features so the API does not depend on training code.
    df["tenure_years"] = df["tenure"] / 12
    df["is_long_term"] = np.where(df["tenure"] > 24, 1, 0)
    df["has_fiber"] = df["InternetService"].apply(lambda s: 1 if s == "Fiber optic" else 0)
    df["senior"] = df["SeniorCitizen"].apply(lambda s: 1 if s == 1 else 0)
    for col in ["OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport"]:
        df[col] = df[col].apply(lambda s: 1 if s == "Yes" else 0)
    df = pd.get_dummies(df, columns=["Contract", "PaymentMethod"])
    return df


def monthly_to_yearly(values):
    result = []
    for v in values:
        result.append(v * 12)
    return result
