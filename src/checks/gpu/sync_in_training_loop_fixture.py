# fixture: DS405
import torch

model = torch.nn.Linear(2, 1)
running = 0.0
for step, batch in enumerate([torch.ones(2)]):
    loss = model(batch).sum()
    loss.backward()
    running += loss.item()  # expect: DS405:16
    values = loss.cpu().numpy()  # expect: DS405:14
    if step % 100 == 0:
        print(loss.item())

for batch in [torch.ones(2)]:
    print(model(batch).item())
