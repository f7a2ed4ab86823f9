# fixture: DS222
from sklearn.metrics import f1_score, roc_auc_score

y_true, y_pred, y_score = [0, 1, 1], [0, 1, 0], [0.1, 0.9, 0.4]
print(f1_score(y_true, y_pred), roc_auc_score(y_true, y_score))
