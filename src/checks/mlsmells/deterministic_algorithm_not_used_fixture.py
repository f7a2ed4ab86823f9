# fixture: DS213
import torch

net = torch.nn.Linear(2, 1)
loss = net(torch.ones(2)).sum()
loss.backward()  # expect: DS213:1
loss.backward()
