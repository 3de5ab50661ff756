#!/bin/sh
# bench/killimport.sh: `kill -9` of an import leaves the database as it was.
# Imports a generated ACLED CSV (ROWS rows, default 1,000,000) into a base
# database, times one import of a second generated file (other event ids,
# so every row is new) into a copy of it, then TRIALS times (default 10)
# starts that import into a fresh copy and kills it with SIGKILL after a
# random part (5-95%) of that time. After each kill `PRAGMA
# integrity_check` must say ok and `sitrep count` give the base's count
# (an import is one transaction: nothing or everything). A -wal or
# -journal file left beside the copy is expected; SQLite recovers from it.
# Prints each trial and a summary; exits 1 when a trial fails.
# Usage: bench/killimport.sh [ROWS [TRIALS]]
#   env: SITREP (path to sitrep), SEED (of the kill times, default 1)
set -eu
rows=${1:-1000000}
trials=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
command -v sqlite3 >/dev/null || { echo "bench/killimport.sh: needs the sqlite3 shell" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-kill.XXXXXX")
trap 'rm -rf "$dir"' EXIT
now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }

echo "generating 2 x $rows ACLED rows..."
awk -v n="$rows" -f "$here/gen-acled.awk" >"$dir/base.csv"
sed '2,$s/^MLI/MLK/' "$dir/base.csv" >"$dir/more.csv" # the same rows under new ids
"$SITREP" import --db "$dir/base.db" "$dir/base.csv" >/dev/null
base=$("$SITREP" count --db "$dir/base.db")
echo "base: $base events"

cp "$dir/base.db" "$dir/full.db"
t0=$(now)
"$SITREP" import --db "$dir/full.db" "$dir/more.csv" >/dev/null
full=$(secs "$t0" "$(now)")
after=$("$SITREP" count --db "$dir/full.db")
echo "a whole import of the second file: ${full}s, $base -> $after events"
rm -f "$dir/full.db"*

awk -v n="$trials" -v s="${SEED:-1}" 'BEGIN { srand(s); for (i = 0; i < n; i++)
	printf "%.2f\n", 0.05 + 0.9 * rand() }' >"$dir/fractions"
ok=0 bad=0 done_early=0 i=0
while read -r frac; do
	i=$((i + 1))
	db=$dir/t$i.db
	cp "$dir/base.db" "$db"
	wait_s=$(awk "BEGIN { printf \"%.2f\", $frac * $full }")
	"$SITREP" import --db "$db" "$dir/more.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$wait_s"
	kill -9 "$pid" 2>/dev/null || true
	st=0
	wait "$pid" 2>/dev/null || st=$?
	# 137: the kill ended it; 0: it ended first (the machine ran faster)
	if [ "$st" -eq 137 ]; then killed=killed; else killed="had ended (exit $st)"; fi
	left=$(cd "$dir" && ls "t$i.db-"* 2>/dev/null | sed "s/^t$i.db//" | tr '\n' ' ')
	check=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | tr '\n' ' ')
	count=$("$SITREP" count --db "$db" 2>&1 || true)
	want=$base
	[ "$killed" = killed ] || { want=$after; done_early=$((done_early + 1)); }
	if [ "$check" = "ok " ] && [ "$count" = "$want" ]; then verdict=ok; ok=$((ok + 1))
	else verdict=FAILED; bad=$((bad + 1)); fi
	printf 'trial %2d: %s after %ss (%.0f%%), left %s; integrity_check: %s; count %s (want %s): %s\n' \
		"$i" "$killed" "$wait_s" "$(awk "BEGIN { print $frac * 100 }")" "${left:-nothing}" \
		"$check" "$count" "$want" "$verdict"
	rm -f "$db" "$db"-*
done <"$dir/fractions"
echo "summary: $trials trials of a $rows-row import, $ok ok, $bad failed ($done_early ended before the kill)"
[ "$bad" -eq 0 ]
