# fixture: DS602
import torch
from torch import load

state = torch.load("checkpoints/resnet.pt", map_location="cpu")  # expect: DS602:9
model = load(path)  # expect: DS602:9
state = torch.load(path, weights_only=False)  # expect: DS602:26

# Good
state = torch.load(path, weights_only=True)
state = torch.load(path, weights_only=args.trusted)
state = torch.load(path, **load_kwargs)
torch.save(state, path)
