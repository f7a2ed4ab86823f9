# fixture: DS214
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import KFold, train_test_split

X, y = [[1], [2], [3], [4]], [0, 1, 0, 1]
X_train, X_test, y_train, y_test = train_test_split(X, y)  # expect: DS214:36
forest = RandomForestClassifier(n_estimators=10)  # expect: DS214:10
folds = KFold(n_splits=2, shuffle=True)  # expect: DS214:9

split = train_test_split(X, y, random_state=42)
seeded = RandomForestClassifier(n_estimators=10, random_state=0)
ordered = KFold(n_splits=2)
