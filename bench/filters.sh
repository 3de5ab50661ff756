#!/bin/sh
# bench/filters.sh: representative filters (the last thirteen the fields of
# src/query/filter_fields.c) on N synthetic events (default
# 1,000,000, made by bench/gen-events and cached). For each: the median of
# RUNS runs of `sitrep list --limit 50 FILTER` (the first page, process start
# included), of `sitrep count FILTER`, and of the same page's SQL in the
# sqlite3 shell over the same file (the floor); and "inproc", the median
# time inside `sitrep list` of compiling the filter plus fetching the first
# page (SITREP_TIMING=1, process start excluded), with "back" the same for
# the last page (--reverse); then EXPLAIN QUERY PLAN, flagging a full scan
# of the event table. Not part of `make check`.
#
# usage: bench/filters.sh [N]
# env:   SITREP (default ./src/sitrep), BENCH_DIR (cache, default /tmp), RUNS (5)
set -eu

here=$(dirname "$0")
n=${1:-1000000}
runs=${RUNS:-5}
sitrep=${SITREP:-./src/sitrep}
db=${BENCH_DIR:-/tmp}/sitrep-filters-$n.db
export LC_ALL=C.UTF-8 TZ=UTC

command -v sqlite3 >/dev/null || { echo "filters.sh: needs the sqlite3 shell" >&2; exit 1; }
[ -x "$sitrep" ] || { echo "filters.sh: no sitrep at $sitrep (set SITREP)" >&2; exit 1; }
if [ ! -f "$db" ]; then
	echo "# generating $n events into $db (once)" >&2
	SITREP=$sitrep "$here/gen-events" "$n" "$db"
fi

# The filters: every field kind, their combinations, and free text.
filters='actor:"Group for Support of the Faithful"
actor:="Ironclad Group" since:2020
region:Dunmere
type:"Air/drone strike"
kind:context date:2021
fatalities>=50
near:Aldorville<50km
region:Estavel|Halvard -kind:context fatalities:1..5
drone
"suicide bomber" bank*
civilians:yes
interaction:18
inter1:5
disorder:"Strategic developments"
tags:"synthetic tag"
admin3:"Aldorville 7"
geo_precision:3
precision:month
precision:range
actor1:"Ironclad Group"
actor2:"Group for Support of the Faithful" since:2020
admin3:"Aldorville 7" civilians:yes'

now_ms() { date +%s%3N; }

# median_ms CMD...: the median wall time of RUNS runs, in milliseconds.
median_ms() {
	i=0
	: >"$tmp/times"
	while [ "$i" -lt "$runs" ]; do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1 || { echo "filters.sh: failed: $*" >&2; exit 1; }
		t1=$(now_ms)
		echo $((t1 - t0)) >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | sed -n "$(((runs + 1) / 2))p"
}

# inproc_ms ARGS...: the median of RUNS in-process "compile + first page" times.
inproc_ms() {
	i=0
	: >"$tmp/times"
	while [ "$i" -lt "$runs" ]; do
		SITREP_TIMING=1 "$sitrep" list --db "$db" --limit 50 --format tsv "$@" 2>&1 >/dev/null |
			sed -n 's/.*timing: compile \([0-9.]*\) ms, first page \([0-9.]*\) ms.*/\1 \2/p' |
			awk '{ printf "%.1f\n", $1 + $2 }' >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | sed -n "$(((runs + 1) / 2))p"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Warm the page cache so every column measures the same thing.
cat "$db" >/dev/null

printf '%s events in %s; median of %s runs, ms (process start included but in inproc/back)\n\n' \
	"$(sqlite3 "$db" 'SELECT count(*) FROM event')" "$db" "$runs"
printf '%-58s %7s %7s %7s %7s %7s %7s\n' "filter" "list50" "count" "floor" "inproc" "back" \
	"matches"
echo "$filters" | while IFS= read -r f; do
	where=$("$sitrep" count --db "$db" --sql --filter "$f")
	page="SELECT e.id, e.date_start, e.title FROM event e WHERE $where
	      ORDER BY e.date_start, e.id LIMIT 50;"
	echo "$page" >"$tmp/page.sql"
	t_list=$(median_ms "$sitrep" list --db "$db" --limit 50 --format tsv --filter "$f")
	t_count=$(median_ms "$sitrep" count --db "$db" --filter "$f")
	t_floor=$(median_ms sqlite3 -init "$tmp/page.sql" "$db" .quit)
	t_in=$(inproc_ms --filter "$f")
	t_back=$(inproc_ms --reverse --filter "$f")
	matches=$("$sitrep" count --db "$db" --filter "$f")
	printf '%-58s %7s %7s %7s %7s %7s %7s\n' "$f" "$t_list" "$t_count" "$t_floor" "$t_in" \
		"$t_back" "$matches"
done

echo
echo "EXPLAIN QUERY PLAN of each first page (FULL SCAN marks a table scan of event)"
echo "$filters" | while IFS= read -r f; do
	where=$("$sitrep" count --db "$db" --sql --filter "$f")
	echo
	echo "== $f"
	sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT e.id FROM event e WHERE $where
		ORDER BY e.date_start, e.id LIMIT 50" |
		sed -e 's/^/   /' -e '/SCAN e$/s/$/    <-- FULL SCAN/'
done
