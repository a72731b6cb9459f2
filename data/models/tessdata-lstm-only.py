#!/usr/bin/env python3
"""tessdata-lstm-only.py IN OUT: Tesseract's chi_sim, LSTM recogniser only.

IN is the npm package @tesseract.js-data/chi_sim 1.0.0, whose
4.0.0/chi_sim.traineddata.gz is tesseract-ocr/tessdata's chi_sim at tag
4.0.0.  That file holds two recognisers: the LSTM one (1.6 MB) that Caiji
uses for names, and the legacy one (40 MB of character templates) that it
never runs but Tesseract would read into every engine's memory.  OUT keeps
the components an LSTM-only engine reads, byte for byte:

    17 lstm, 18-20 the LSTM's dictionaries, 23 version.

The config (0) goes too: it sets layout parameters that are process-wide
in Tesseract, so loading it would change how the kiosk's other engines
(Debian's chi_sim and eng) read the rest of the card.

The traineddata container is a count of entries (int32), one absolute
offset per entry (int64, -1 for a missing one), then the entries in order;
an entry ends where the next present one starts.  Standard library only,
so it runs inside the GNOME SDK when the Flatpak is built.  fetch-models.sh
checks OUT's sha256 against the manifest, so any change here must keep the
output byte-identical.
"""
import gzip
import struct
import sys
import tarfile

MEMBER = "package/4.0.0/chi_sim.traineddata.gz"
KEEP = (17, 18, 19, 20, 23)


def entries(data):
    (count,) = struct.unpack_from("<i", data, 0)
    offsets = struct.unpack_from("<%dq" % count, data, 4)
    present = sorted((offset, index) for index, offset in enumerate(offsets) if offset >= 0)
    found = {}
    for n, (offset, index) in enumerate(present):
        end = present[n + 1][0] if n + 1 < len(present) else len(data)
        found[index] = data[offset:end]
    return count, found


def container(count, kept):
    header = 4 + 8 * count
    offsets, body = [-1] * count, b""
    for index in sorted(kept):
        offsets[index] = header + len(body)
        body += kept[index]
    return struct.pack("<i", count) + struct.pack("<%dq" % count, *offsets) + body


def main(source, out):
    with tarfile.open(source, "r:gz") as package:
        member = package.extractfile(MEMBER)
        if member is None:
            sys.exit("tessdata-lstm-only: %s is not in %s" % (MEMBER, source))
        data = gzip.decompress(member.read())
    count, found = entries(data)
    missing = [index for index in KEEP if index not in found]
    if missing:
        sys.exit("tessdata-lstm-only: %s lacks components %s" % (MEMBER, missing))
    with open(out, "wb") as f:
        f.write(container(count, {index: found[index] for index in KEEP}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: tessdata-lstm-only.py NPM_TARBALL OUT")
    try:
        main(sys.argv[1], sys.argv[2])
    except (OSError, EOFError, tarfile.TarError, struct.error) as error:
        sys.exit("tessdata-lstm-only: cannot read %s: %s" % (sys.argv[1], error))
