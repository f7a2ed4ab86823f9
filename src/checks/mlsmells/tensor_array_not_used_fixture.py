# fixture: DS217
import tensorflow as tf

result = tf.zeros([0, 4])
for step in range(3):
    result = tf.concat([result, tf.ones([1, 4])], axis=0)  # expect: DS217:14

parts = tf.TensorArray(tf.float32, size=3)
for step in range(3):
    parts = parts.write(step, tf.ones([4]))
joined = tf.concat([result, result], axis=0)
