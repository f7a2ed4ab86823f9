# fixture: DS212
import tensorflow as tf
from tensorflow import keras

for units in (32, 64):
    model = tf.keras.Sequential([tf.keras.layers.Dense(units)])  # expect: DS212:13

for units in (32, 64):
    keras.backend.clear_session()
    model = keras.Sequential([keras.layers.Dense(units)])

single = keras.Sequential([keras.layers.Dense(8)])
