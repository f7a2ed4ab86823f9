# fixture: N802
import ast
from typing import override


def compute_loss():
    pass


def computeLoss():  # expect: N802:5
    pass


def _Private():  # expect: N802:5
    pass


class Visitor(ast.NodeVisitor):
    def visit_Name(self, node):
        pass

    def Other(self):  # expect: N802:9
        pass


class Tests:
    def setUp(self):
        pass

    @override
    def GetValue(self):
        pass


async def FetchRows():  # expect: N802:11
    pass
