#!/usr/bin/env python3
"""check-manifest.py MANIFEST: what can be checked of the Flatpak manifest
without flatpak-builder or network: it parses, names the app id, every
remote source pins a sha256, the kiosk gets the devices it needs, the
OCR and its data are built in, the models module brings every model
of data/models/manifest.tsv from the same URL with the same sha256 (and
rewrites and re-checks the ones the manifest transforms), and every -D
option given to Caiji's own module exists in meson_options.txt."""
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
top = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "..")


def check_models(module):
    """Each manifest.tsv line: the same URL and sha256 (the upstream one
    for a transformed model), the rewrite script as a source, and the
    rewritten file checked against the installed sha256 and installed."""
    sources = {source.get("url"): source for source in module.get("sources", [])}
    paths = [source.get("path", "") for source in module.get("sources", [])]
    commands = " ; ".join(module.get("build-commands", []))
    manifest_tsv = os.path.join(top, "data", "models", "manifest.tsv")
    for line in open(manifest_tsv, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        file, url, sha, _licence, transform, source_sha = line.rstrip("\n").split("\t")
        pinned = sha if transform == "-" else source_sha
        if sources.get(url, {}).get("sha256") != pinned:
            problems.append(f"models: {file} is not fetched from {url} with sha256 {pinned}")
        if transform != "-":
            if not any(path.endswith(f"data/models/{transform}.py") for path in paths):
                problems.append(f"models: {file} needs data/models/{transform}.py as a source")
            if f"{sha}  {file}' | sha256sum -c" not in commands:
                problems.append(f"models: the rewritten {file} is not checked against {sha}")
        if file not in commands.rsplit("install", 1)[-1]:
            problems.append(f"models: {file} is not installed")


models = [module for module in manifest.get("modules", []) if module["name"] == "models"]
if models:
    check_models(models[0])
else:
    problems.append("no models module")
options_file = os.path.join(top, "meson_options.txt")
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
