# fixture: DS213
import torch

torch.use_deterministic_algorithms(True)
net = torch.nn.Linear(2, 1)
loss = net(torch.ones(2)).sum()
loss.backward()
