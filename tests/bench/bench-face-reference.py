#!/usr/bin/python3
"""python3-opencv reference timings for bench-face, on the same pictures.

usage: bench-face-reference.py ROUNDS YUNET320.onnx MOBILEFACENET.onnx DIR

DIR holds frame-*.png (640x480 camera-sized frames) and crop-*.png (the
aligned 112x112 crops our code made of them).  Times, on one OpenCV thread,
the 320x320 YuNet forward with a plain letterbox (no decoding: that is
numpy work not worth comparing) and the MobileFaceNet embedding with the
preprocessing of tests/vision/face-reference.py, and prints the medians
in the benchmark's own format.
"""
import glob
import os
import statistics
import sys
import time

import cv2
import numpy as np

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def letterbox_blob(bgr, side):
    scale = min(side / bgr.shape[1], side / bgr.shape[0])
    resized = cv2.resize(bgr, (round(bgr.shape[1] * scale), round(bgr.shape[0] * scale)),
                         interpolation=cv2.INTER_AREA)
    square = np.zeros((side, side, 3), np.uint8)
    square[:resized.shape[0], :resized.shape[1]] = resized
    return cv2.dnn.blobFromImage(square)


def detect(net, names, bgr):
    net.setInput(letterbox_blob(bgr, 320))
    net.forward(names)


def embed(net, bgr):
    rgb = bgr[:, :, ::-1].astype(np.float32) / 255.0
    blob = np.ascontiguousarray(((rgb - MEAN) / STD).transpose(2, 0, 1)[np.newaxis])
    net.setInput(blob)
    output = net.forward().reshape(-1)
    return output / np.linalg.norm(output)


def print_figures(label, kind, ms):
    print(f"{label:<38} {kind:<4} median {statistics.median(ms):7.2f} ms   mean {statistics.mean(ms):7.2f}"
          f"   min {min(ms):7.2f}   max {max(ms):7.2f}   ({len(ms)} runs)")


def timed(label, rounds, pictures, work):
    wall, cpu = [], []
    for picture in pictures:
        work(picture)
        for _ in range(rounds):
            start, cpu_start = time.perf_counter(), time.thread_time()
            work(picture)
            cpu.append((time.thread_time() - cpu_start) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
    print_figures(label, "wall", wall)
    print_figures("", "cpu", cpu)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[2])
    rounds, yunet_path, mobilefacenet_path, folder = int(sys.argv[1]), *sys.argv[2:]
    cv2.setNumThreads(1)
    frames = [cv2.imread(p) for p in sorted(glob.glob(os.path.join(folder, "frame-*.png")))]
    crops = [cv2.imread(p) for p in sorted(glob.glob(os.path.join(folder, "crop-*.png")))]
    yunet = cv2.dnn.readNetFromONNX(yunet_path)
    names = yunet.getUnconnectedOutLayersNames()
    mobilefacenet = cv2.dnn.readNetFromONNX(mobilefacenet_path)
    timed("python: YuNet 320 forward", rounds, frames, lambda f: detect(yunet, names, f))
    timed("python: MobileFaceNet embed (crop)", rounds, crops, lambda c: embed(mobilefacenet, c))


if __name__ == "__main__":
    main()
