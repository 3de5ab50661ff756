#!/bin/sh
# bench/import.sh: `sitrep import` of a generated ACLED CSV (default
# 1,000,000 rows) into a new database, with every index and the full-text
# index built, against the sqlite3 shell's `.import` of the same file into
# a bare table, in the same run. Prints both times and the ratio (target:
# at most 2). Usage: bench/import.sh [ROWS]   (SITREP=path/to/sitrep)
set -eu
rows=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
command -v sqlite3 >/dev/null || { echo "bench/import.sh: needs the sqlite3 shell" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }

echo "generating $rows ACLED rows..."
awk -v n="$rows" -f "$here/gen-acled.awk" >"$dir/acled.csv"
size=$(wc -c <"$dir/acled.csv")
echo "file: $size bytes"

sync
t0=$(now)
sqlite3 "$dir/shell.db" ".import --csv $dir/acled.csv ev"
t1=$(now)
shell=$(secs "$t0" "$t1")
echo "sqlite3 .import (bare table):        $shell s"

sync
t0=$(now)
"$SITREP" import --quiet --db "$dir/sitrep.db" "$dir/acled.csv"
t1=$(now)
ours=$(secs "$t0" "$t1")
n=$("$SITREP" count --db "$dir/sitrep.db" 2>/dev/null || sqlite3 "$dir/sitrep.db" 'SELECT count(*) FROM event')
echo "sitrep import (indexes, FTS, actors): $ours s ($n events)"
echo "ratio: $(awk "BEGIN { printf \"%.2f\", $ours / $shell }")x (target <= 2)"
ls -l "$dir/shell.db" "$dir/sitrep.db" | awk '{ print "# " $5, $NF }'
