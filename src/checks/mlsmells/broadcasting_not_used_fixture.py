# fixture: DS216
import numpy as np
import tensorflow as tf

x = tf.ones([8, 4])
b = tf.ones([1, 4])
bias = tf.tile(b, [8, 1])
out = x + bias  # expect: DS216:11
scaled = np.ones((8, 4)) * np.tile(np.ones(4), (8, 1))  # expect: DS216:28

good = x + b
repeated = np.tile(np.ones(4), (8, 1))
