#!/bin/sh
# bench/count.sh: `sitrep count FILTER` of every single-field filter of
# bench/filters.sh and of the fields of filter_fields.c, against the same
# count by the sqlite3 shell with the simplest SQL for it (the filter's own
# WHERE clause from `sitrep count --sql`, or, where that calls a function
# only sitrep has, a plain json_extract equality), in one run. For each:
# the median of RUNS runs of wall and of CPU (user + system) time, in ms,
# process start included, for both; the two counts, and "DIFF" when they
# differ. Issue 15's target: sitrep's count <= 100 ms on 1,000,000 events.
# Not part of `make check`.
#
# usage: bench/count.sh DB...
# env:   SITREP (default ./src/sitrep), RUNS (5)
set -eu

runs=${RUNS:-5}
sitrep=${SITREP:-./src/sitrep}
export LC_ALL=C.UTF-8 TZ=UTC
command -v sqlite3 >/dev/null || { echo "count.sh: needs the sqlite3 shell" >&2; exit 1; }
[ -x "$sitrep" ] || { echo "count.sh: no sitrep at $sitrep (set SITREP)" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: bench/count.sh DB..." >&2; exit 2; }

# FILTER <tab> SQL condition over "event e" for the shell (empty: sitrep's --sql).
filters='actor:"Group for Support of the Faithful"	
actor:Civilians	
actor:="Ironclad Group"	
actor1:"Ironclad Group"	
actor2:"Group for Support of the Faithful"	
assoc:Civilians	
region:Dunmere	
type:"Air/drone strike"	
kind:context	
date:2021	
since:2020	
fatalities>=50	
near:Aldorville<50km	
source:"Dummy Press"	
country:Synthetica	
location:Akabar	
civilians:yes	
civilians:no	
interaction:18	
inter1:5	json_extract(e.extra, '"'"'$.inter1'"'"') = '"'"'5'"'"'
inter2:7	json_extract(e.extra, '"'"'$.inter2'"'"') = '"'"'7'"'"'
disorder:"Strategic developments"	json_extract(e.extra, '"'"'$.disorder_type'"'"') = '"'"'Strategic developments'"'"'
disorder:"Political violence"	json_extract(e.extra, '"'"'$.disorder_type'"'"') = '"'"'Political violence'"'"'
tags:"synthetic tag"	
admin3:"Aldorville 7"	
geo_precision:3	
precision:day	
precision:month	
precision:range	'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# timed CMD...: one run; appends "wall_ms cpu_ms" to $tmp/times, output to $tmp/out.
timed() {
	/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" ||
		{ echo "count.sh: failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
	awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$tmp/t" >>"$tmp/times"
}

# median CMD...: "wall cpu" medians of RUNS runs; the output is left in $tmp/out.
median() {
	: >"$tmp/times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		timed "$@"
		i=$((i + 1))
	done
	mid=$(((runs + 1) / 2))
	w=$(cut -d' ' -f1 "$tmp/times" | sort -n | sed -n "${mid}p")
	c=$(cut -d' ' -f2 "$tmp/times" | sort -n | sed -n "${mid}p")
	echo "$w $c"
}

for db in "$@"; do
	cat "$db" >/dev/null # the page cache warm for both sides
	printf '\n%s events in %s; median of %s runs, ms (wall, CPU), process start included\n' \
		"$(sqlite3 "$db" 'SELECT count(*) FROM event')" "$db" "$runs"
	printf '%-44s %7s %7s %7s %7s %9s %9s\n' filter wall cpu sh-wall sh-cpu count sh-count
	echo "$filters" | while IFS='	' read -r f cond; do
		[ -n "$cond" ] || cond=$("$sitrep" count --db "$db" --sql --filter "$f" 2>/dev/null)
		echo "SELECT count(*) FROM event e WHERE $cond;" >"$tmp/q.sql"
		set -- $(median "$sitrep" count --db "$db" --filter "$f")
		n=$(cat "$tmp/out")
		set -- "$@" $(median sqlite3 -init "$tmp/q.sql" "$db" .quit)
		m=$(tail -n 1 "$tmp/out")
		printf '%-44s %7s %7s %7s %7s %9s %9s%s\n' "$f" "$1" "$2" "$3" "$4" "$n" "$m" \
			"$([ "$n" = "$m" ] || echo ' DIFF')"
	done
done
