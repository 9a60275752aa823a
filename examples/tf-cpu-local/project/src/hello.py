"""Smoke test run inside the project image."""
import sklearn
import tensorflow as tf
import yaml

print("tensorflow", tf.__version__, "scikit-learn", sklearn.__version__, "pyyaml", yaml.__version__)
print("sum:", int(tf.reduce_sum(tf.constant([1, 2, 3]))))
