#!/bin/sh
# bench/strip.sh: the density strip on N synthetic events (default
# 1,000,000, made by bench/gen-events and cached like bench/filters.sh).
# For each filter: the whole count as the TUI does it (steps of 30 ms
# between keys), the longest step, and one screen of 160 buckets at every
# zoom from the result, with the CPU time of the whole and of that longest
# step (load from other work on the machine stretches wall time, not
# CPU time; the load average is printed first); beside it, in the same
# run, the plain `GROUP BY month` in the sqlite3 shell on the same file,
# and the ratio.
# Not part of `make check`.
#
# usage: bench/strip.sh [N]
# env:   SITREP (default ./src/sitrep), STRIP_TIMER (default beside it,
#        ../bench/strip-timer), BENCH_DIR (cache, default /tmp), RUNS (3),
#        DB (a file to time instead of the generated one)
set -eu

here=$(dirname "$0")
n=${1:-1000000}
runs=${RUNS:-3}
sitrep=${SITREP:-./src/sitrep}
timer=${STRIP_TIMER:-$(dirname "$sitrep")/../bench/strip-timer}
db=${DB:-${BENCH_DIR:-/tmp}/sitrep-bench-$n.db}
export LC_ALL=C.UTF-8 TZ=UTC

command -v sqlite3 >/dev/null || { echo "strip.sh: needs the sqlite3 shell" >&2; exit 1; }
[ -x "$timer" ] || { echo "strip.sh: no strip-timer at $timer (make bench/strip-timer)" >&2; exit 1; }
if [ ! -f "$db" ]; then
	echo "# generating $n events into $db (once)" >&2
	SITREP=$sitrep "$here/gen-events" "$n" "$db"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$db" >/dev/null # warm the page cache: both sides measure the same thing

now_ms() { date +%s%3N; }
t0=$(now_ms)
i=0
while [ "$i" -lt "$runs" ]; do
	sqlite3 "$db" "SELECT substr(date_start, 1, 7), count(*) FROM event GROUP BY 1" >/dev/null
	i=$((i + 1))
done
base=$((($(now_ms) - t0) / runs))
echo "# sqlite3 shell, SELECT substr(date_start,1,7), count(*) FROM event GROUP BY 1: $base ms"
echo "# (mean of $runs runs, process start included)"
echo "# load average: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo

# Filters: none, one per kind of plan the filter compiler makes, the most
# common actor, a combination of regions, and the ACLED fields (none match
# on a file without them: bench/filters.sh's file has them).
"$timer" "$db" "" "kind:context" "region:Dunmere" "type:\"Air/drone strike\"" \
	"fatalities>=50" "drone" "date:2021" "region:Estavel|Halvard -kind:context fatalities:1..5" \
	'actor:"Group for Support of the Faithful"' "actor:Civilians" \
	"region:Aldora|Estavel|Dunmere" "inter1:5" 'disorder:"Strategic developments"' \
	"civilians:yes" "precision:month" 'tags:"synthetic tag"' >"$tmp/out"

printf '%9s %8s %6s %9s %8s %10s %8s  %s\n' total_ms cpu_ms steps max_step cpu_ms zoom_ms ratio filter
awk -F '\t' -v base="$base" '{
	printf "%9.1f %8.1f %6d %9.1f %8.1f %10.3f %7.1fx  %s\n", $1, $7, $2, $3, $8, $4,
		base / ($1 > 0 ? $1 : 0.1), $6
}' "$tmp/out"
echo
echo "# total_ms: the whole strip counted, in steps of 30 ms run back to back;"
echo "# max_step: the longest a key can wait behind the strip (cpu_ms beside"
echo "# each: CPU time of the same span); zoom_ms: the"
echo "# slowest zoom level's 160 buckets from the counted histogram; ratio:"
echo "# the sqlite3 shell's GROUP BY month over total_ms."
