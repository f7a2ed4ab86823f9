# fixture: DS215
import tensorflow as tf
import torch

probabilities = tf.constant([0.5, 0.0])
bad = tf.math.log(probabilities)  # expect: DS215:7
worse = torch.log(torch.zeros(2))  # expect: DS215:9

good = tf.math.log(tf.clip_by_value(probabilities, 1e-10, 1.0))
also = torch.log(torch.clamp(torch.zeros(2), min=1e-10))
offset = torch.log(torch.zeros(2) + 1e-8)
