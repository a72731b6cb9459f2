#!/usr/bin/python3
"""Reference MobileFaceNet embeddings, for the parity test (test-face-parity).

usage: face-reference.py MODEL.onnx CROP.png...

Prints one line per crop: the file name, then the 128 values of its
L2-normalised embedding.  The preprocessing is written out in numpy, from
../shared/models/README.md, independently of the C++ shim: BGR to RGB,
divide by 255, subtract the ImageNet mean, divide by its std, NCHW.
Needs Debian's python3-opencv and python3-numpy (/usr/bin/python3).
"""
import os
import sys

import cv2
import numpy as np

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
SIDE = 112


def embed(net, path):
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    if bgr is None or bgr.shape != (SIDE, SIDE, 3):
        sys.exit(f"{path}: not a {SIDE}x{SIDE} colour picture")
    rgb = bgr[:, :, ::-1].astype(np.float32) / 255.0
    normalised = (rgb - MEAN) / STD
    blob = np.ascontiguousarray(normalised.transpose(2, 0, 1)[np.newaxis])
    net.setInput(blob)
    output = net.forward().reshape(-1).astype(np.float64)
    return output / np.linalg.norm(output)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    net = cv2.dnn.readNetFromONNX(sys.argv[1])
    for path in sys.argv[2:]:
        values = " ".join(f"{v:.9g}" for v in embed(net, path))
        print(f"{os.path.basename(path)} {values}")


if __name__ == "__main__":
    main()
