#!/usr/bin/env python3
"""tests/style/layers.py: the layers of src/ never include upwards.

Each folder of src/ is a layer: base, text, store, query, import, export,
tui, cli, in that order (README.md, Layout). A file may include the public
headers (include/sitrep/) of its own layer and of the layers before it,
never of one after it; a private header (beside its .c files) only from its
own folder. A header belongs to the layer whose folder holds the .c file of
the same name, or, for a header with no such file, to the layer named in
OWNER below. Prints TAP: one test per file of src/ and include/sitrep/.
"""
import os
import re
import sys

LAYERS = ["base", "text", "store", "query", "import", "export", "tui", "cli"]
# Headers whose module is several files of other names.
OWNER = {
    "filter.h": "query", "actors.h": "query", "store.h": "store", "cli.h": "cli",
    "export.h": "export", "import.h": "import", "ui.h": "tui", "view.h": "tui",
    "ui_draw.h": "tui", "saved_views.h": "tui", "pane.h": "tui",
}

top = os.environ.get("SRCDIR") or os.path.join(os.path.dirname(__file__), "..", "..")
src = os.path.join(top, "src")
inc = os.path.join(top, "include", "sitrep")


def layer_of_path(rel):
    """rel: a path under src/ ("query/density.c") -> its layer."""
    return rel.split("/")[0]


stem_layer = {}
for d, _, files in os.walk(src):
    for f in files:
        if f.endswith(".c"):
            stem_layer[f[:-2]] = layer_of_path(os.path.relpath(os.path.join(d, f), src))


def header_layer(h):
    if h in OWNER:
        return OWNER[h]
    return stem_layer.get(h[:-2])


checks = []  # (name, [problems])
for d, _, files in sorted(os.walk(src)):
    for f in sorted(files):
        if not f.endswith((".c", ".h")):
            continue
        path = os.path.join(d, f)
        rel = os.path.relpath(path, src)
        checks.append((path, "src/" + rel, layer_of_path(rel)))
for f in sorted(os.listdir(inc)):
    lay = header_layer(f)
    checks.append((os.path.join(inc, f), "include/sitrep/" + f, lay))

n = 0
bad = 0
print("1..%d" % len(checks))
for path, name, lay in checks:
    n += 1
    problems = []
    if lay not in LAYERS:
        problems.append("no layer known for it (add it to OWNER)")
    else:
        mine = LAYERS.index(lay)
        for line in open(path, encoding="utf-8"):
            m = re.match(r'\s*#\s*include\s+"(sitrep/)?([^"]+)"', line)
            if not m:
                continue
            h = m.group(2)
            if m.group(1):
                hl = header_layer(h)
                if hl is None:
                    problems.append("%s: no layer known for it" % h)
                elif LAYERS.index(hl) > mine:
                    problems.append("includes sitrep/%s of %s, a layer above %s" % (h, hl, lay))
            elif h != "config.h":  # autoconf's
                here = os.path.dirname(path)
                if not os.path.exists(os.path.join(here, h)) or "/include/" in path:
                    problems.append("includes %s, a private header of another folder" % h)
    if problems:
        bad += 1
        print("not ok %d - %s: %s" % (n, name, "; ".join(problems)))
    else:
        print("ok %d - %s (%s)" % (n, name, lay))
sys.exit(1 if bad else 0)
