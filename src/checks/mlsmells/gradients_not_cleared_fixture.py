# fixture: DS220
import torch

model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for batch in [torch.ones(2)]:
    loss = model(batch).sum()
    loss.backward()  # expect: DS220:5
    optimizer.step()

for batch in [torch.ones(2)]:
    optimizer.zero_grad()
    loss = model(batch).sum()
    loss.backward()
    optimizer.step()

loss = model(torch.ones(2)).sum()
loss.backward()
