#!/usr/bin/env python3
"""check-manifest.py MANIFEST: what can be checked of the Flatpak manifest
without flatpak-builder or network: it parses, names the app id, every
remote source pins a sha256, and the kiosk gets the devices it needs."""
import json
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
for problem in problems:
    print("flatpak manifest:", problem)
sys.exit(1 if problems else 0)
