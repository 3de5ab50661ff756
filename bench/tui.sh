#!/bin/sh
# bench/tui.sh [DB...]: the TUI through a pseudo-terminal at 120x40, measured
# with ../shared/tools/ttyprobe.py, beside peers measured in the same run:
#   first_ms   time until the first screen is drawn and quiet (ttyprobe);
#   floor_ms   the same for `sh -c 'printf x'`: the harness's own cost on
#              this machine, to subtract before comparing with a target;
#   rss_kb     sitrep's own peak RSS (GNU time around sitrep: ttyprobe's
#              figure counts the Python harness it forks from);
#   B/line     bytes written per cursor step past the bottom edge (40 steps
#              bring the cursor there; the next 60 are counted).
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
if [ $# -eq 0 ]; then
	for n in 10000 1000000; do
		db=$tmp/sitrep-bench-$n.db
		[ -f "$db" ] || SITREP=$sitrep "$here/gen-events" "$n" "$db" >/dev/null
		set -- "$@" "$db"
	done
fi
keys=$(printf 'j%.0s' $(seq 100))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state

probe() { python3 "$probe" --cols 120 --rows 40 --skip 40 --keys "$keys" -- "$@"; }
field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d[sys.argv[1]])' "$1"; }
row() { printf '%-30s %9s %9s %9s %10s %10s\n' "$@"; }

floor=$(python3 "$probe" --keys q -- sh -c 'printf x' | field first_frame_s)
row what first_ms floor_ms rss_kb B/line_med B/line_max
for db in "$@"; do
	out=$(probe /usr/bin/time -f %M -o "$work/rss" "$sitrep" --db "$db")
	row "sitrep $(basename "$db")" \
		"$(echo "$out" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["first_frame_s"]*1000))')" \
		"$(python3 -c "print(round($floor*1000))")" "$(cat "$work/rss")" \
		"$(echo "$out" | field bytes_step_median)" "$(echo "$out" | field bytes_step_max)"
done
if command -v tig >/dev/null && command -v git >/dev/null; then
	(cd "$work" && git init -q repo && cd repo && for i in $(seq 300); do
		echo "$i" > f && git add f && git -c user.name=b -c user.email=b@b commit -qm "commit $i"
	done) >/dev/null 2>&1
	out=$(cd "$work/repo" && probe /usr/bin/time -f %M -o "$work/rss" tig)
	row "tig (300 commits)" "$(echo "$out" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["first_frame_s"]*1000))')" \
		- "$(cat "$work/rss")" "$(echo "$out" | field bytes_step_median)" "$(echo "$out" | field bytes_step_max)"
fi
if command -v vd >/dev/null; then
	"$sitrep" export --db "$1" --format csv > "$work/events.csv"
	out=$(probe /usr/bin/time -f %M -o "$work/rss" vd "$work/events.csv")
	row "visidata $(basename "$1" .db).csv" "$(echo "$out" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["first_frame_s"]*1000))')" \
		- "$(cat "$work/rss")" "$(echo "$out" | field bytes_step_median)" "$(echo "$out" | field bytes_step_max)"
fi
