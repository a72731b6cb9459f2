#!/usr/bin/env python3
"""check-manifest.py MANIFEST: what can be checked of the Flatpak manifest
without flatpak-builder or network: it parses, names the app id, every
remote source pins a sha256, the kiosk gets the devices it needs, the
OCR and its data are built in, and every -D option given to Caiji's own
module exists in meson_options.txt."""
import json
import os
import re
import sys

manifest = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if manifest.get("id") != "org.caiji.Kiosk":
    problems.append("id is not org.caiji.Kiosk")
if "--device=all" not in manifest.get("finish-args", []):
    problems.append("finish-args lack --device=all (camera, card reader)")
for module in manifest.get("modules", []):
    for source in module.get("sources", []):
        if "url" in source and len(source.get("sha256", "")) != 64:
            problems.append(f"module {module['name']}: {source['url']} has no sha256")
names = [module["name"] for module in manifest.get("modules", [])]
for needed in ("tesseract", "tessdata", "caiji"):
    if needed not in names:
        problems.append(f"no {needed} module")
options_file = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "..", "meson_options.txt")
known = set(re.findall(r"option\('([^']+)'", open(options_file, encoding="utf-8").read()))
for module in manifest.get("modules", []):
    if module["name"] != "caiji":
        continue
    for opt in module.get("config-opts", []):
        name = re.match(r"-D([^=]+)=", opt)
        if name and name.group(1) not in known:
            problems.append(f"caiji module: {opt} is not a meson option")
for problem in problems:
    print("flatpak manifest:", problem)
sys.exit(1 if problems else 0)
