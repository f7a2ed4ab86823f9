# fixture: DS218
import torch

model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for batch in [torch.ones(2)]:
        optimizer.zero_grad()
        model(batch).sum().backward()
        optimizer.step()
    model.eval()  # expect: DS218:5

for epoch in range(3):
    model.train()
    for batch in [torch.ones(2)]:
        optimizer.zero_grad()
        model(batch).sum().backward()
        optimizer.step()
    model.eval()

model.eval()
