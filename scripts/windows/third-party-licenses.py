#!/usr/bin/env python3
"""Writes the licences of every crate linked into the Windows executable (normal dependencies of
riskbook for x86_64-pc-windows-gnu, not build or test tools) as one text file: name, version,
licence expression, and the licence files the crate ships."""
import json
import pathlib
import subprocess
import sys

TARGET = "x86_64-pc-windows-gnu"
out = pathlib.Path(sys.argv[1])
meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", TARGET]))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]

shipped, todo = set(), [root]
while todo:
    node = nodes[todo.pop()]
    for dep in node["deps"]:
        if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in shipped:
            shipped.add(dep["pkg"])
            todo.append(dep["pkg"])

parts = ["riskbook が使っているライブラリのライセンス / Licences of the libraries in riskbook\n"]
for pid in sorted(shipped, key=lambda i: (packages[i]["name"], packages[i]["version"])):
    p = packages[pid]
    parts.append("=" * 78)
    parts.append(f'{p["name"]} {p["version"]} — {p.get("license") or "(licence file below)"}')
    if p.get("repository"):
        parts.append(p["repository"])
    folder = pathlib.Path(p["manifest_path"]).parent
    for f in sorted(folder.iterdir()):
        if f.is_file() and f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
            parts.append(f"--- {f.name}")
            parts.append(f.read_text(encoding="utf-8", errors="replace").rstrip())
    parts.append("")
out.write_text("\n".join(parts) + "\n", encoding="utf-8")
print(f"{len(shipped)} crates -> {out}")
