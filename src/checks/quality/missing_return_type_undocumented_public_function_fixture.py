# fixture: ANN201


def annotated() -> int:
    return 1


def missing():  # expect: ANN201:5
    return 1


async def missing_async():  # expect: ANN201:11
    return 1


def _private():
    return 1


class Model:
    def __init__(self):
        pass

    def __len__(self):
        return 0

    def predict(self):  # expect: ANN201:9
        return 0

    def _helper(self):
        return 0

    @classmethod
    def load(cls):
        return cls()

    @staticmethod
    def build():
        return 1

    @property
    def size(self):  # expect: ANN201:9
        return 1

    @size.setter
    def size(self, value):
        pass


class _Hidden:
    def method(self):
        return 1


def outer() -> None:
    def inner():
        return 1
