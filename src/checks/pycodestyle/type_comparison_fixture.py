# fixture: E721
import numpy as np

a, b = 1, 2
if type(a) == type(b):  # expect: E721:4
    pass
if type(a) != int:  # expect: E721:4
    pass
if int == type(a):  # expect: E721:4
    pass
if str == 1:  # expect: E721:4
    pass
if type(a) is int or isinstance(a, int):
    pass
if a.dtype == int or np.dtype(a) == float:
    pass
x = type(a) == type(b) == int  # expect: E721:5 E721:5


def f(list):
    return list == [1]
