# fixture: DS403
import torch

model = torch.nn.Linear(2, 1)


def predict(batch):
    model.eval()
    return model(batch)  # expect: DS403:12


def predict_safely(batch):
    model.eval()
    with torch.inference_mode():
        return model(batch)


@torch.no_grad()
def decorated(batch):
    model.eval()
    return model(batch)


def validate(batch, optimizer):
    model.eval()
    loss = model(batch).sum()
    loss.backward()
