#!/bin/sh
# bench/tui.sh [DB...]: the TUI through a pseudo-terminal at 120x40, measured
# by ../shared/tools/ttyprobe.py: time to the first screen, peak RSS, and
# bytes written per cursor step once the cursor is at the bottom edge
# (40 steps bring it there; the next 60 are counted). Default files: a
# 10,000- and a 1,000,000-event database made by bench/gen-events.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=${BUILDDIR:-$top}
sitrep=${SITREP:-$build/src/sitrep}
probe=${TTYPROBE:-$top/../shared/tools/ttyprobe.py}
tmp=${TMPDIR:-/tmp}
if [ $# -eq 0 ]; then
	for n in 10000 1000000; do
		db=$tmp/sitrep-bench-$n.db
		[ -f "$db" ] || "$here/gen-events" "$n" "$db" >/dev/null
		set -- "$@" "$db"
	done
fi
keys=$(printf 'j%.0s' $(seq 100))
printf '%-28s %9s %9s %9s %9s\n' file first_ms rss_kb B/line_med B/line_max
for db in "$@"; do
	out=$(HOME=$tmp XDG_STATE_HOME=$tmp/sitrep-bench-state python3 "$probe" --cols 120 \
		--rows 40 --skip 40 --keys "$keys" -- "$sitrep" --db "$db")
	echo "$out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
print("%-28s %9.0f %9d %9s %9s" % (sys.argv[1][-28:], d["first_frame_s"] * 1000,
      d["peak_rss_kb"], d["bytes_step_median"], d["bytes_step_max"]))' "$db"
done
