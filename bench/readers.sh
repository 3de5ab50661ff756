#!/bin/sh
# bench/readers.sh: a team on one server. A database of ROWS generated
# events (default 1,000,000; bench/gen-events), in WAL mode as sitrep import
# makes it; eight readers in loops (four headless TUIs drawing their first
# screen, four `sitrep list --limit 50`) while `sitrep import` adds and
# updates 1% of ROWS (bench/gen-acled.awk). Prints the readers' first-page
# times (median and slowest) alone and during the import, and the import's
# time alone and with the readers, as ratios measured in the same run.
# Usage: bench/readers.sh [ROWS]   env: SITREP (path to sitrep; copy it
# aside if you build while this runs), BASE (a database bench/gen-events
# made with ROWS events already: copied instead of generated)
set -eu
rows=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
SITREP=${SITREP:-$here/../src/sitrep}
export SITREP
command -v sqlite3 >/dev/null || { echo "bench/readers.sh: needs the sqlite3 shell" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-readers.XXXXXX")
trap 'kill $(cat "$dir"/pids 2>/dev/null) 2>/dev/null; rm -rf "$dir"' EXIT
now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if [ -n "${BASE:-}" ]; then
	echo "copying $BASE ($rows events)..."
	cp "$BASE" "$dir/base.db"
else
	echo "generating $rows events..."
	"$here/gen-events" "$rows" "$dir/base.db" >/dev/null
fi
sqlite3 "$dir/base.db" "PRAGMA journal_mode = WAL" >/dev/null
awk -v n=$((rows / 100)) -f "$here/gen-acled.awk" >"$dir/update.csv"
printf 'q\n' >"$dir/keys"

# reader K DB: first pages in a loop until $dir/stop exists, one time (ms)
# a line into $dir/times.K
reader() {
	: >"$dir/times.$1"
	while [ ! -e "$dir/stop" ]; do
		t0=$(now)
		if [ "$1" -le 4 ]; then
			SITREP_SCRIPT="$dir/keys" SITREP_NO_DISPLAY=1 LINES=40 COLUMNS=120 \
				"$SITREP" --no-context --db "$2" >/dev/null 2>>"$dir/errors"
		else
			"$SITREP" list --limit 50 --db "$2" >/dev/null 2>>"$dir/errors"
		fi
		t1=$(now)
		awk "BEGIN { printf \"%.1f\\n\", ($t1 - $t0) * 1000 }" >>"$dir/times.$1"
	done
}
readers() { # DB: start the eight
	rm -f "$dir/stop" "$dir/pids"
	for k in 1 2 3 4 5 6 7 8; do reader $k "$1" & echo $! >>"$dir/pids"; done
}
stop_readers() { touch "$dir/stop"; wait $(cat "$dir/pids"); rm -f "$dir/pids"; }
summary() { # LABEL
	cat "$dir"/times.* >"$dir/all"
	printf '%-28s %5d first pages, median %7.1f ms, slowest %7.1f ms\n' "$1" \
		"$(wc -l <"$dir/all")" "$(median <"$dir/all")" "$(sort -n "$dir/all" | tail -1)"
}
import_into() { # DB: seconds
	t0=$(now)
	"$SITREP" import --quiet --db "$1" "$dir/update.csv"
	t1=$(now)
	awk "BEGIN { printf \"%.2f\", $t1 - $t0 }"
}

: >"$dir/errors"
cp "$dir/base.db" "$dir/a.db"
alone=$(import_into "$dir/a.db")
cp "$dir/base.db" "$dir/r.db"
readers "$dir/r.db"
sleep 10
stop_readers
summary "readers alone (10 s)"
cp "$dir/base.db" "$dir/b.db"
readers "$dir/b.db"
together=$(import_into "$dir/b.db")
stop_readers
summary "readers during the import"
echo "import of $((rows / 100)) rows alone: ${alone} s; with eight readers: ${together} s;" \
	"ratio $(awk "BEGIN { printf \"%.2f\", $together / $alone }") (target: at most 1.10 on" \
	"a machine with a core per process; here $(getconf _NPROCESSORS_ONLN) cores)"
n=$(grep -c . "$dir/errors" || true)
echo "reader errors: $n"
[ "$n" = 0 ] || head -5 "$dir/errors"
