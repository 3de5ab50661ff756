#!/usr/bin/env python3
"""data/make-outlines.py: country outlines for sitrep's map, from Natural Earth.

Reads a TopoJSON file of npm's world-atlas package (Natural Earth's Admin 0
countries, public domain; https://www.naturalearthdata.com/) and writes the
text file sitrep's map draws: each TopoJSON arc (a stretch of border or
coast, shared by the countries on either side, so drawn once) simplified
with Douglas-Peucker and rounded to a hundredth of a degree. Python 3's
standard library only; `make` does not run it, the file it wrote is kept in
the repository:

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    data/make-outlines.py package/countries-50m.json > data/outlines-ne50m.txt

The output (read by src/map/outline.c) is a header of '#' comments, then one
line a polyline: its first point as "lon lat" in hundredths of a degree, then
each next point as its step from the one before, all integers.
"""
import json
import os
import sys

TOLERANCE = 0.03  # degrees: about 3 km, a third of a braille dot at country scale


def decode_arcs(topo):
    """TopoJSON's quantised, delta-encoded arcs -> lists of (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def simplify(pts, tol):
    """Douglas-Peucker, iterative: keep the points further than tol from the chord."""
    if len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, at = d, i
        if at >= 0 and best > tol:
            keep[at] = True
            stack.append((a, at))
            stack.append((at, b))
    return [p for p, k in zip(pts, keep) if k]


def quantise(pts):
    """Hundredths of a degree, repeated points dropped."""
    out = []
    for lon, lat in pts:
        q = (round(lon * 100), round(lat * 100))
        if not out or out[-1] != q:
            out.append(q)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-outlines.py countries-50m.json > outlines.txt")
    src = sys.argv[1]
    with open(src, encoding="utf-8") as f:
        topo = json.load(f)
    # the package's version, when its package.json sits beside the file
    version = "world-atlas"
    try:
        with open(os.path.join(os.path.dirname(src), "package.json"), encoding="utf-8") as f:
            version = "world-atlas " + json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        pass
    lines = []
    for arc in decode_arcs(topo):
        q = quantise(simplify(arc, TOLERANCE))
        if len(q) < 2:
            continue
        nums = [q[0][0], q[0][1]]
        for (x0, y0), (x1, y1) in zip(q, q[1:]):
            nums += [x1 - x0, y1 - y0]
        lines.append(" ".join(str(n) for n in nums))
    out = sys.stdout
    out.write("# sitrep-outlines 1\n")
    out.write("# Country borders and coasts: Natural Earth Admin 0 countries (public domain,\n")
    out.write("# https://www.naturalearthdata.com/), as TopoJSON in npm's world-atlas\n")
    out.write("# (%s, %s), simplified to %.2f degree by data/make-outlines.py.\n"
              % (version, os.path.basename(src), TOLERANCE))
    out.write("# A line a polyline: first point 'lon lat' in hundredths of a degree,\n")
    out.write("# then each next point as its step from the one before.\n")
    for line in lines:
        out.write(line + "\n")


if __name__ == "__main__":
    main()
