#!/bin/sh
# bench/tui.sh [DB...]: the TUI through a pseudo-terminal at 120x40, measured
# with ../shared/tools/ttyprobe.py, beside peers measured in the same run:
#   first_ms   time until the first screen is drawn and quiet (ttyprobe):
#              the median of RUNS starts (default 5), and their range, since
#              a shared machine moves it by tens of ms from run to run;
#   floor_ms   the same for `sh -c 'printf x'`: the harness's own cost on
#              this machine, to subtract before comparing with a target;
#   rss_kb     sitrep's own peak RSS (GNU time around sitrep: ttyprobe's
#              figure counts the Python harness it forks from);
#   B/line     bytes written per cursor step past the bottom edge (40 steps
#              bring the cursor there; the next 60 are counted). The bytes
#              do not vary between runs: one run measures them.
# Peers, when installed: tig on a generated 300-commit repository and
# VisiData on a CSV export of the first database, same size, same keys.
# Default files: 10,000 and 1,000,000 events made by bench/gen-events.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=${BUILDDIR:-$top}
sitrep=${SITREP:-$build/src/sitrep}
probe=${TTYPROBE:-$top/../shared/tools/ttyprobe.py}
tmp=${TMPDIR:-/tmp}
runs=${RUNS:-5}
if [ $# -eq 0 ]; then
	for n in 10000 1000000; do
		db=$tmp/sitrep-bench-$n.db
		[ -f "$db" ] || SITREP=$sitrep "$here/gen-events" "$n" "$db" >/dev/null
		set -- "$@" "$db"
	done
fi
# A file from before schema 2 has no per-day counts: its strip is counted in
# steps after the first screen, which then waits for them.
if command -v sqlite3 >/dev/null; then
	for db in "$@"; do
		[ -n "$(sqlite3 "$db" "SELECT 1 FROM sqlite_schema WHERE name = 'event_day'")" ] ||
			echo "tui.sh: $db has no event_day (made before schema 2): the strip counts by passes" >&2
	done
fi
keys=$(printf 'j%.0s' $(seq 100))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state

probe() { python3 "$probe" --cols 120 --rows 40 --skip 40 --keys "$keys" -- "$@"; }
field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d[sys.argv[1]])' "$1"; }
row() { printf '%-30s %9s %11s %9s %9s %10s %10s\n' "$@"; }
# first CMD...: "MEDIAN MIN-MAX" of the first quiet screen over $runs starts
first() {
	for _ in $(seq "$runs"); do
		python3 "$probe" --cols 120 --rows 40 --keys q -- "$@" | field first_frame_s
	done | python3 -c 'import sys
v = sorted(round(float(x) * 1000) for x in sys.stdin)
print("%d %d-%d" % (v[len(v) // 2], v[0], v[-1]))'
}

floor=$(first sh -c 'printf x')
row what first_ms first_range floor_ms rss_kb B/line_med B/line_max
row "floor: sh -c 'printf x'" "${floor% *}" "${floor#* }" - - - -
# measure LABEL FLOOR CMD...: one row, the bytes and RSS from one run
measure() {
	label=$1 fl=$2
	shift 2
	t=$(first "$@")
	out=$(probe /usr/bin/time -f %M -o "$work/rss" "$@")
	row "$label" "${t% *}" "${t#* }" "$fl" "$(cat "$work/rss")" \
		"$(echo "$out" | field bytes_step_median)" "$(echo "$out" | field bytes_step_max)"
}
for db in "$@"; do
	measure "sitrep $(basename "$db")" "${floor% *}" "$sitrep" --db "$db"
done
if command -v tig >/dev/null && command -v git >/dev/null; then
	(cd "$work" && git init -q repo && cd repo && for i in $(seq 300); do
		echo "$i" > f && git add f && git -c user.name=b -c user.email=b@b commit -qm "commit $i"
	done) >/dev/null 2>&1
	(cd "$work/repo" && measure "tig (300 commits)" - tig)
fi
if command -v vd >/dev/null; then
	"$sitrep" export --db "$1" --format csv > "$work/events.csv"
	measure "visidata $(basename "$1" .db).csv" - vd "$work/events.csv"
fi
