# fixture: DS408
import torch
from torch.utils.data import DataLoader

dataset = torch.utils.data.TensorDataset(torch.ones(4, 2))
loader = DataLoader(dataset, batch_size=2)  # expect: DS408:10
partial = DataLoader(dataset, batch_size=2, num_workers=2)  # expect: DS408:11
good = DataLoader(dataset, batch_size=2, num_workers=4, pin_memory=True)
