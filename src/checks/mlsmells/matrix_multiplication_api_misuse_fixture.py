# fixture: DS209
import numpy as np
from numpy import dot

a = np.ones((2, 3))
b = np.ones((3, 4))
c = np.dot(a, b)  # expect: DS209:5
d = dot(a, b)  # expect: DS209:5

e = a @ b
f = np.matmul(a, b)
