# fixture: DS221
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = [[1.0], [2.0], [3.0], [4.0]], [0, 1, 0, 1]
scaler = StandardScaler()
X_scaled = scaler.fit_transform(X)  # expect: DS221:12
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, random_state=0)


def good(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    scaler = StandardScaler().fit(X_train)
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    return scaler, model


def leaky(X, y):
    X = StandardScaler().fit_transform(X)  # expect: DS221:9
    return train_test_split(X, y, random_state=0)
