#!/bin/sh
# bench/import.sh: `sitrep import` of a generated ACLED CSV (default
# 1,000,000 rows) into a new database, with every index and the full-text
# index built, against the sqlite3 shell's `.import` of the same file into
# a bare table, in the same run: RUNS pairs (default 3), the two taking
# turns, each into a new file. Prints each pair and its ratio, then the
# median ratio (target: at most 2), sitrep's CPU time and the bound it
# sets on this machine's cores, then SQLite's own floor for sitrep's
# schema (see the end). Each run then re-imports into the database it made
# the same file (every row unchanged) and a copy with 1% of its rows
# changed (a newer ACLED timestamp, fatalities figure and notes), each
# against the same run's shell time (issue 12's target: at most 1x the
# shell's .import). CPU times (the shell's too) are printed beside wall
# times: on a loaded machine they say what the wall times cannot.
# Usage: bench/import.sh [ROWS]
#   env: SITREP (path to sitrep), RUNS (3), FLOOR=0 (skip the floor),
#   REIMPORT=0 (skip the re-imports)
set -eu
rows=${1:-1000000}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
command -v sqlite3 >/dev/null || { echo "bench/import.sh: needs the sqlite3 shell" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }
# The middle value of the numbers on standard input (the lower of the two
# middle ones for an even count).
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# User plus system CPU seconds of every child process so far, from the
# shell's own "times" (its second line; "1m2.5s" or "1m2,500000s"), into
# file $1: not in a $(...), whose subshell has no children of its own.
cpu() {
	times >"$dir/times"
	awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m");
		sub(/s$/, "", p[2]); sub(/,/, ".", p[2]); t += p[1] * 60 + p[2] } print t }' \
		"$dir/times" >"$1"
}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

echo "generating $rows ACLED rows..."
awk -v n="$rows" -f "$here/gen-acled.awk" >"$dir/acled.csv"
size=$(wc -c <"$dir/acled.csv")
# the same file with every 100th row changed as ACLED revises a row: a
# newer timestamp (the last field), a fatalities figure one higher (the
# third field from the end: tags and timestamp hold no comma) and words
# added to the notes, so the event row, its full-text entry and its
# fingerprint all change. Fields split and joined on commas come back as
# they were, quoted commas and all.
awk -F, -v OFS=, 'NR > 1 && NR % 100 == 0 { $NF = $NF + 1; $(NF - 2) = $(NF - 2) + 1
	if (!sub(/ sources\.",/, " sources; figure revised.\",")) exit 1 } { print }' \
	"$dir/acled.csv" >"$dir/changed.csv"
echo "file: $size bytes; $runs runs, the shell and sitrep taking turns"

# A shared machine moves both by 10-15% from run to run; taking turns
# and the median of the pairs' ratios keep one slow moment from deciding.
: >"$dir/ratios"
: >"$dir/shells"
: >"$dir/bounds"
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$dir/shell.db" "$dir/sitrep.db"
	sync
	cpu "$dir/cpu0"
	t0=$(now)
	sqlite3 "$dir/shell.db" ".import --csv $dir/acled.csv ev"
	t1=$(now)
	cpu "$dir/cpu1"
	shell=$(secs "$t0" "$t1")
	shell_cpu=$(secs "$(cat "$dir/cpu0")" "$(cat "$dir/cpu1")")
	sync
	cpu "$dir/cpu0"
	t0=$(now)
	"$SITREP" import --quiet --db "$dir/sitrep.db" "$dir/acled.csv"
	t1=$(now)
	cpu "$dir/cpu1"
	ours=$(secs "$t0" "$t1")
	used=$(secs "$(cat "$dir/cpu0")" "$(cat "$dir/cpu1")")
	ratio=$(awk "BEGIN { printf \"%.2f\", $ours / $shell }")
	# However well the work is spread over the cores, the import cannot
	# take less wall time than its CPU time shared out evenly.
	bound=$(awk "BEGIN { printf \"%.2f\", $used / $cores / $shell }")
	echo "$ratio" >>"$dir/ratios"
	echo "$shell" >>"$dir/shells"
	echo "$bound" >>"$dir/bounds"
	echo "run $i: sqlite3 .import (bare table) $shell s (CPU $shell_cpu s);" \
		"sitrep import (indexes, FTS, actors) $ours s; ratio ${ratio}x;" \
		"sitrep's CPU $used s, on $cores cores at least ${bound}x"
	[ "${REIMPORT:-1}" = 0 ] && continue
	for again in acled changed; do
		sync
		cpu "$dir/cpu0"
		t0=$(now)
		"$SITREP" import --db "$dir/sitrep.db" "$dir/$again.csv" >"$dir/summary"
		t1=$(now)
		cpu "$dir/cpu1"
		re=$(secs "$t0" "$t1")
		used=$(secs "$(cat "$dir/cpu0")" "$(cat "$dir/cpu1")")
		r=$(awk "BEGIN { printf \"%.2f\", $re / $shell }")
		echo "$r" >>"$dir/re-$again"
		echo "  re-import of $([ $again = acled ] && echo "the same file" ||
			echo "it with 1% changed"): $re s, ${r}x the shell; CPU $used s;" \
			"$(sed 's/.*: //' "$dir/summary")"
	done
done
n=$("$SITREP" count --db "$dir/sitrep.db" 2>/dev/null || sqlite3 "$dir/sitrep.db" 'SELECT count(*) FROM event')
shell=$(median <"$dir/shells")
echo "ratio, median of $runs: $(median <"$dir/ratios")x (target <= 2); $n events;" \
	"the shell's median $shell s"
echo "CPU bound, median of $runs: $(median <"$dir/bounds")x (sitrep's user + system CPU" \
	"shared evenly over $cores cores, against the shell's time)"
if [ "${REIMPORT:-1}" != 0 ]; then
	echo "re-import, median of $runs: the same file $(median <"$dir/re-acled")x," \
		"1% changed $(median <"$dir/re-changed")x the shell (target <= 1)"
fi
ls -l "$dir/shell.db" "$dir/sitrep.db" | awk '{ print "# " $5, $NF }'

[ "${FLOOR:-1}" = 0 ] && exit 0
# The floor: what SQLite itself must do on the one connection that may
# write the file, for sitrep's schema, with no parsing at all: the rows
# copied from sitrep's own file by the transfer optimisation (the cheapest
# way SQLite has to fill a table), then every index built one after
# another, as an import must. The full-text index is left out (the import
# builds it on the other core). An import cannot be faster than this on
# one writer; its ratio to the shell says how far any import of this
# schema is from the target.
"$SITREP" schema | sed '1i PRAGMA page_size = 16384;' | sqlite3 "$dir/floor.db"
index_sql=$(sqlite3 "$dir/floor.db" "SELECT sql || ';' FROM sqlite_schema
	WHERE type = 'index' AND sql IS NOT NULL AND tbl_name <> 'place' ORDER BY rowid")
sqlite3 "$dir/floor.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
	WHERE type = 'index' AND sql IS NOT NULL AND tbl_name <> 'place'" | sqlite3 "$dir/floor.db"
sync
t0=$(now)
sqlite3 "$dir/floor.db" <<EOF
ATTACH '$dir/sitrep.db' AS s;
BEGIN;
INSERT INTO actor SELECT * FROM s.actor;
INSERT INTO actor_alias SELECT * FROM s.actor_alias;
INSERT INTO event SELECT * FROM s.event;
INSERT INTO event_actor SELECT * FROM s.event_actor;
INSERT INTO source SELECT * FROM s.source;
PRAGMA cache_size = -2048;
$index_sql
COMMIT;
EOF
t1=$(now)
floor=$(secs "$t0" "$t1")
echo "SQLite's floor (rows copied in, indexes built, no parsing, no FTS): $floor s" \
	"= $(awk "BEGIN { printf \"%.2f\", $floor / $shell }")x the shell's median"
