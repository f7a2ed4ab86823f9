# fixture: DS406
import torch

for step in range(3):
    torch.cuda.empty_cache()  # expect: DS406:5

torch.cuda.empty_cache()
