# fixture: PERF402
def copy_rows(batch):
    rows = []
    for row in batch:
        rows.append(row)  # expect: PERF402:9
    return rows


def typed(batch, rows: list[int]):
    for row in batch:
        rows.append(row)  # expect: PERF402:9


def transformed(batch):
    rows = []
    for row in batch:
        rows.append(row * 2)
    return rows


def filtered(batch):
    rows = []
    for row in batch:
        if row:
            rows.append(row)
    return rows


def unknown(batch, rows):
    for row in batch:
        rows.append(row)
