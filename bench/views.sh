#!/bin/sh
# bench/views.sh [N [DB]]: the views of time (before/after, distance,
# swimlanes) on N synthetic events (default 1,000,000, made by
# bench/gen-events under nice into $BENCH_DIR, default /work/benchdata, once;
# DB: a file to use instead, e.g. one gen-events already made of that size).
# Two measures, not part of `make check`:
#  1. views-timer (make bench/views-timer): each view's read model through
#     the calls and steps the view makes between keys, with no filter and
#     with one actor's filter and one region's (the busiest): the whole
#     time, the steps and the longest step, which is what a keystroke can
#     wait for (target 100 ms); wall and CPU time (the machine's load
#     moves the first, not the second);
#  2. the TUI in a pseudo-terminal at 120x40 (../shared/tools/ttyprobe.py):
#     a key script (SITREP_SCRIPT: counts then run to the end at once, as
#     in the screen tests) goes to a context event, opens the view and dumps
#     the screen once it settled; the run's time (GNU time: start to exit)
#     less the same script without the view (full_ms: the view's time to
#     its full draw), the median of RUNS (default 3), and sitrep's peak RSS
#     (target < 16 MB).
# env: SITREP, BUILDDIR, VIEWS_TIMER, TTYPROBE, BENCH_DIR, RUNS; SKIP_TIMER=1
#      leaves out the first part.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
n=${1:-1000000}
build=${BUILDDIR:-$top}
sitrep=${SITREP:-$build/src/sitrep}
timer=${VIEWS_TIMER:-$(dirname "$sitrep")/../bench/views-timer}
probe=${TTYPROBE:-$top/../shared/tools/ttyprobe.py}
[ -f "$probe" ] || probe=/work/shared/tools/ttyprobe.py # a worktree's ../shared is elsewhere
dir=${BENCH_DIR:-/work/benchdata}
db=${2:-$dir/sitrep-views-$n.db}
runs=${RUNS:-3}
export LC_ALL=C.UTF-8 TZ=UTC

command -v sqlite3 >/dev/null || { echo "views.sh: needs the sqlite3 shell" >&2; exit 1; }
[ -x "$timer" ] || { echo "views.sh: no views-timer at $timer (make bench/views-timer)" >&2; exit 1; }
if [ ! -f "$db" ]; then
	echo "# generating $n events into $db (once, under nice)" >&2
	mkdir -p "$dir"
	SITREP=$sitrep nice -n 19 "$here/gen-events" "$n" "$db" >/dev/null
fi
# a context event in the middle of the span, and the busiest actor
ctx=$(sqlite3 -readonly "$db" "SELECT id FROM event WHERE kind = 'context'
	AND date_start >= (SELECT substr(min(date_start), 1, 4) + 7 FROM event)
	ORDER BY date_start, id LIMIT 1")
actor=$(sqlite3 -readonly "$db" "SELECT a.name FROM event_actor ea JOIN actor a
	ON a.id = ea.actor_id GROUP BY a.id ORDER BY count(*) DESC LIMIT 1 OFFSET 1")
region=$(sqlite3 -readonly "$db" "SELECT admin1 FROM event WHERE admin1 IS NOT NULL
	GROUP BY admin1 ORDER BY count(*) DESC LIMIT 1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
	XDG_DATA_HOME=$work/data
echo "# $(sqlite3 -readonly "$db" "SELECT count(*) FROM event") events in $db;" \
	"context event $ctx; filters actor:\"$actor\", region:\"$region\""

if [ -z "${SKIP_TIMER:-}" ]; then
	echo "## read models, as the views step them (ms)"
	printf '%-13s %9s %8s %6s %11s %9s  %s\n' view total_ms cpu_ms steps longest_ms longest_cpu filter
	"$timer" "$db" "$ctx" "" "actor:\"$actor\"" "region:\"$region\"" |
		awk -F '\t' '{ printf "%-13s %9s %8s %6s %11s %9s  %s\n", $1, $2, $3, $4, $5, $6, $7 }'
fi

echo "## the TUI at 120x40: time to the view's full draw and peak RSS"
# run SCRIPT: "SECONDS RSS_KB", the whole run in the pseudo-terminal (start,
# the script, the dump once the screen settled, exit) by GNU time; ttyprobe
# waits for the exit (its quiet spell as long as its limit)
run() {
	SITREP_SCRIPT=$1 python3 "$probe" --cols 120 --rows 40 --settle 600 --limit 600 --quit '' -- \
		/usr/bin/time -f '%e %M' -o "$work/rss" "$sitrep" --db "$db" >/dev/null
	tail -n 1 "$work/rss" # after GNU time's note on a non-zero exit, if any
}
# median of RUNS runs of SCRIPT, in ms, and the largest RSS
measure() {
	for _ in $(seq "$runs"); do
		run "$1" | tr '\n' ' '
		echo
	done | python3 -c 'import sys
rows = [l.split() for l in sys.stdin if l.strip()]
t = sorted(float(r[0]) * 1000 for r in rows)
print("%d %d" % (t[len(t) // 2], max(int(r[1]) for r in rows)))'
}
# the dump at the end waits for the screen to settle, as in the screen tests
printf ':goto #%s\n:save-display %s\n' "$ctx" "$work/screen" > "$work/base.keys"
base=$(measure "$work/base.keys")
printf '%-13s %8s %8s %8s\n' view total_ms full_ms rss_kb
printf '%-13s %8s %8s %8s\n' "(timeline)" "${base% *}" - "${base#* }"
for v in B:before-after D:distance L:lanes; do
	printf ':goto #%s\n%s\n:save-display %s\n' "$ctx" "${v%%:*}" "$work/screen" > "$work/view.keys"
	m=$(measure "$work/view.keys")
	printf '%-13s %8s %8s %8s\n' "${v#*:}" "${m% *}" "$((${m% *} - ${base% *}))" "${m#* }"
done
