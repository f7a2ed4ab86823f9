# fixture: DS402
import torch

model = torch.nn.Linear(2, 1)
losses = []
total = 0.0
for batch in [torch.ones(2)]:
    loss = model(batch).sum()
    loss.backward()
    losses.append(loss)  # expect: DS402:5
    total += loss  # expect: DS402:5

for batch in [torch.ones(2)]:
    loss = model(batch).sum()
    loss.backward()
    losses.append(loss.item())
    total += loss.detach()
