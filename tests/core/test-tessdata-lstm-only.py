#!/usr/bin/env python3
"""test-tessdata-lstm-only.py SCRIPT: the name model's rewrite, offline.

Builds npm-style tarballs around small synthetic traineddata containers
and runs SCRIPT (data/models/tessdata-lstm-only.py) on them: the LSTM
components come out byte for byte at fresh offsets, the legacy ones and
the config are gone, and a tarball without the model or a model without
its LSTM is refused with a message that says what is missing.  Speaks TAP.
"""
import gzip
import io
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

SCRIPT = sys.argv[1]
MEMBER = "package/4.0.0/chi_sim.traineddata.gz"
COUNT = 24
KEPT = (17, 18, 19, 20, 23)


def container(components):
    offsets, body = [-1] * COUNT, b""
    for index in sorted(components):
        offsets[index] = 4 + 8 * COUNT + len(body)
        body += components[index]
    return struct.pack("<i", COUNT) + struct.pack("<%dq" % COUNT, *offsets) + body


def laid_out(data, components):
    """True when data holds exactly @components, in index order, end to end."""
    (count,) = struct.unpack_from("<i", data, 0)
    offsets = struct.unpack_from("<%dq" % count, data, 4)
    at = 4 + 8 * count
    for index in range(count):
        if index not in components:
            if offsets[index] != -1:
                return False
            continue
        part = components[index]
        if offsets[index] != at or data[at:at + len(part)] != part:
            return False
        at += len(part)
    return count == COUNT and at == len(data)


def tarball(path, member, payload):
    with tarfile.open(path, "w:gz") as package:
        info = tarfile.TarInfo(member)
        info.size = len(payload)
        package.addfile(info, io.BytesIO(payload))


def run(source, out):
    return subprocess.run([sys.executable, SCRIPT, source, out], capture_output=True, text=True)


# Legacy parts (templates, shape table, word lists), the config and the LSTM ones.
components = {index: bytes([index]) * (10 + 7 * index) for index in (0, 1, 3, 4, 5, 7, 13, 17, 18, 19, 20, 23)}
n = 0
failed = False


def check(description, ok):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, description))
    failed = failed or not ok


print("1..6")
with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, "good.tgz")
    out = os.path.join(tmp, "out.traineddata")
    tarball(good, MEMBER, gzip.compress(container(components)))
    result = run(good, out)
    check("a good package is rewritten", result.returncode == 0)
    written = open(out, "rb").read() if result.returncode == 0 else b""
    check("the LSTM components and the version are kept byte for byte, end to end, and nothing else",
          laid_out(written, {index: components[index] for index in KEPT}))

    elsewhere = os.path.join(tmp, "elsewhere.tgz")
    tarball(elsewhere, "package/4.0.0_best_int/chi_sim.traineddata.gz", gzip.compress(container(components)))
    result = run(elsewhere, out)
    check("a package without the 4.0.0 model is refused, naming it",
          result.returncode != 0 and MEMBER in result.stderr)

    legacy_only = os.path.join(tmp, "legacy.tgz")
    tarball(legacy_only, MEMBER, gzip.compress(container({i: c for i, c in components.items() if i < 17})))
    result = run(legacy_only, out)
    check("a model without its LSTM is refused, naming the missing parts",
          result.returncode != 0 and "17" in result.stderr)

    truncated = os.path.join(tmp, "truncated.tgz")
    tarball(truncated, MEMBER, gzip.compress(container(components))[:-20])
    result = run(truncated, out)
    check("a damaged package is refused with a sentence, not a traceback",
          result.returncode != 0 and "cannot read" in result.stderr and "Traceback" not in result.stderr)

    result = run(os.path.join(tmp, "missing.tgz"), out)
    check("a missing download is refused with a sentence, not a traceback",
          result.returncode != 0 and "cannot read" in result.stderr and "Traceback" not in result.stderr)
sys.exit(1 if failed else 0)
