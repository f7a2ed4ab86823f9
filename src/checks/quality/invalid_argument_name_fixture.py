# fixture: N803
from typing import override


def fit(features, target):
    return features


def fit_matrix(X, y):  # expect: N803:16
    return X


def scale(values, minValue=0, *Args, Key=None, **Options):  # expect: N803:19 N803:31 N803:38 N803:48
    return values


class Estimator:
    @override
    def fit(self, X, y):
        return X

    def predict(self, X):  # expect: N803:23
        return X


project = lambda Point: Point  # expect: N803:18
