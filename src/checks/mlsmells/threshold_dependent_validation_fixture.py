# fixture: DS222
from sklearn.metrics import accuracy_score, f1_score

y_true, y_pred = [0, 1, 1], [0, 1, 0]
print(f1_score(y_true, y_pred))  # expect: DS222:7
acc = accuracy_score(y_true, y_pred)  # expect: DS222:7
