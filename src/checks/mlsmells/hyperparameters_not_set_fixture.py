# fixture: DS211
import torch
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

model = RandomForestClassifier()  # expect: DS211:9
clusters = KMeans()  # expect: DS211:12
net = torch.nn.Linear(4, 2)
optimizer = torch.optim.Adam(net.parameters())  # expect: DS211:13

tuned = RandomForestClassifier(n_estimators=300, max_depth=12, random_state=0)
sgd = torch.optim.SGD(net.parameters(), lr=0.01)
score = accuracy_score([1], [1])
