# fixture: NPY002
import numpy as np
from numpy import random
import numpy.random as npr

np.random.seed(1337)  # expect: NPY002:1
np.random.normal(size=3)  # expect: NPY002:1
x = random.rand(3)  # expect: NPY002:5
npr.shuffle([1, 2])  # expect: NPY002:1

rng = np.random.default_rng(1337)
rng.normal(size=3)
np.random.Generator(np.random.PCG64())
np.random.RandomState(0).rand()
y = np.random.seed  # a reference, not a call
