# fixture: DS404
import torch

model = torch.nn.Linear(2, 1)


def evaluate(batches):
    correct = 0
    with torch.no_grad():  # expect: DS404:5
        for batch in batches:
            correct += model(batch).sum()
    return correct


def evaluate_properly(batches):
    model.eval()
    with torch.no_grad():
        for batch in batches:
            model(batch)


def update(weights):
    with torch.no_grad():
        weights -= 0.1
