# fixture: DS210
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.svm import SVC

model = SVC(C=1.0)  # expect: DS210:9
reduced = PCA(n_components=2)  # expect: DS210:11
forest = RandomForestClassifier(n_estimators=10, random_state=0)
