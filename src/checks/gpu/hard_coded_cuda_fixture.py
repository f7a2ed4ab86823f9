# fixture: DS407
import torch

model = torch.nn.Linear(2, 1).cuda()  # expect: DS407:9
batch = torch.ones(2).to("cuda")  # expect: DS407:9
device = torch.device("cuda:0")  # expect: DS407:10
zeros = torch.zeros(2, device="cuda")  # expect: DS407:9
cpu = torch.ones(2).to("cpu")
