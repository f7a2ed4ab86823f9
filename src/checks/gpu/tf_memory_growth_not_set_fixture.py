# fixture: DS401
import tensorflow as tf  # expect: DS401:8

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
