#!/bin/sh
# Resource limits: inputs out of all proportion get a clear error, or work,
# in bounded memory and time. Each case is generated here (synthetic rows cut
# from a fixture) and run under /usr/bin/time for its peak RSS; every command
# has a timeout, so a limit that no longer holds fails instead of hanging.
#   a 100 MB field            refused: the record is longer than 64 MiB
#   a 100 MB line, text file  refused: the line is longer than 64 MiB
#   a 2 MB field              the row is skipped, naming the field (SQLite
#                             refuses values over 16 MiB, and the store used
#                             to keep NULL for a refused value: a silent loss)
#   10,000 columns            imported (the extra columns kept)
#   a million fields a line   refused: more than 16384 fields
#   100,000 actors, sources   imported
#   a 1 MB filter             refused: longer than 64 KiB
#   1,000 ORed words          refused: more than 256 terms
#   nesting depth 10,000      refused: nested too deeply
#   200 ORed words            works (the SQL's depth grows as log n)
# RSS limits are for a plain build: under AddressSanitizer the peak RSS is
# mostly its shadow memory and quarantine, so those checks are skipped there.
. "$SRCDIR/tests/lib.sh"
plan 33

F=$SRCDIR/tests/fixtures/acled-broken.csv
# the fixture's header and first row: synthetic cases are cut from them
HEAD=$(sed -n 1p "$F")
ROW=$(sed -n 2p "$F")
asan=no
if nm -an "$SITREP" 2>/dev/null | grep -q __asan_init; then asan=yes; fi

# limited NAME SECONDS CMD...: run CMD, with its status in $RC, output in
# $OUT/$ERR, peak RSS (KB) in $RSS; killed after SECONDS.
limited() {
	name=$1 secs=$2
	shift 2
	/usr/bin/time -o "$TMP/$name.rss" -f "%M %e" timeout -s KILL "$secs" "$@" \
		>"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
	RSS=$(tail -n 1 "$TMP/$name.rss" | cut -d" " -f1)
	SECS=$(tail -n 1 "$TMP/$name.rss" | cut -d" " -f2)
	case $RSS in *[!0-9]* | '') RSS=999999999 ;; esac
	printf "# %s: exit %s, peak RSS %s KB, %s s\\n" "$name" "$RC" "$RSS" "$SECS"
}
# under NAME MB: the last run's peak RSS is under MB megabytes
under() {
	if [ "$asan" = yes ]; then
		TAP_N=$((TAP_N + 1))
		echo "ok $TAP_N - $1: peak RSS # SKIP under AddressSanitizer"
	elif [ "$RSS" -lt $(($2 * 1024)) ]; then pass "$1: peak RSS under $2 MB"
	else fail "$1: peak RSS under $2 MB" "peak RSS: $RSS KB"; fi
}
# fields FROM TO: fields FROM..TO of the fixture's row (TO empty: to the end)
fields() { printf '%s\n' "$ROW" | cut -d, -f"$1-$2" | tr -d '\n'; }
# list PREFIX N: "PREFIX0; PREFIX1; ..." quoted, N names, written as it goes
list() { awk -v p="$1" -v n="$2" 'BEGIN { printf "\""
	for (i = 0; i < n; i++) printf "%s%s%d", i ? "; " : "", p, i; printf "\"" }'; }
# bytes N C: N bytes C
bytes() { head -c "$1" /dev/zero | tr '\0' "$2"; }

# ---- a 100 MB field (the notes): the CSV reader's 64 MiB record limit
{ echo "$HEAD"; fields 1 27; printf ,; bytes 100000000 x; printf ,; fields 29; echo; } \
	>"$TMP/field100.csv"
limited field100 60 "$SITREP" import --db "$TMP/f100.db" "$TMP/field100.csv"
is "100 MB field: exit 1" "$RC" 1
like "100 MB field: the record is too long" "$ERR" "field100.csv:2: record longer than 64 MiB"
under "100 MB field" 200
rm -f "$TMP/field100.csv"

# ---- a 100 MB line of the sitrep text format: its reader's 64 MiB cap
{ printf '# sitrep-data 1\n@event\ndate: 2022-01-10\ntitle: '; bytes 100000000 x; echo; } \
	>"$TMP/line100.sitrep"
limited line100 60 "$SITREP" import --db "$TMP/l100.db" "$TMP/line100.sitrep"
is "100 MB text line: exit 1" "$RC" 1
like "100 MB text line: the line is named" "$ERR" "line100.sitrep:4: line longer than 64 MiB"
under "100 MB text line" 150
rm -f "$TMP/line100.sitrep"

# ---- a 2 MB field: skipped by name, never stored as NULL
{ echo "$HEAD"; fields 1 27; printf ,; bytes 2000000 y; printf ,; fields 29; echo
	printf '%s\n' "$ROW" | sed 's/^MLI3001,/MLI3002,/'; } >"$TMP/field2.csv"
limited field2 60 "$SITREP" import --db "$TMP/f2.db" "$TMP/field2.csv"
is "2 MB field: exit 0 (the other row lands)" "$RC" 0
like "2 MB field: the field is named" "$ERR" "field2.csv:2: the description: 2000000 bytes, at most 1 MiB"
like "2 MB field: one imported, one skipped" "$OUT" "2 read, 1 imported, 0 updated, 0 unchanged, 1 skipped"
under "2 MB field" 60

# ---- 10,000 columns: a valid header and row with 9,969 more columns
{ printf '%s' "$HEAD"; awk 'BEGIN { for (i = 1; i <= 9969; i++) printf ",x%d", i; print "" }'
	printf '%s' "$ROW"; awk 'BEGIN { for (i = 1; i <= 9969; i++) printf ",v%d", i; print "" }'
} >"$TMP/cols.csv"
limited cols 60 "$SITREP" import --db "$TMP/cols.db" "$TMP/cols.csv"
is "10,000 columns: exit 0" "$RC" 0
like "10,000 columns: imported" "$OUT" "1 read, 1 imported"
under "10,000 columns" 40
run "$SITREP" sql --db "$TMP/cols.db" "SELECT json_extract(extra, '\$.x9969') FROM event"
like "10,000 columns: the last one kept in extra" "$OUT" "v9969"

# ---- a line of a million fields
{ echo "$HEAD"; bytes 999999 ,; echo; } >"$TMP/million.csv"
limited million 60 "$SITREP" import --db "$TMP/m.db" "$TMP/million.csv"
is "a million fields: exit 1" "$RC" 1
like "a million fields: refused with the limit" "$ERR" "million.csv:2: more than 16384 fields"
under "a million fields" 40
is "a million fields: no database left" "$(ls "$TMP/m.db" 2>/dev/null)" ""

# ---- 100,000 actors (assoc_actor_1) and 100,000 sources
{ echo "$HEAD"; fields 1 8; printf ,; list A 100000; printf ,; fields 10 25; printf ,
	list S 100000; printf ,; fields 27; echo; } >"$TMP/actors.csv"
limited actors 120 "$SITREP" import --db "$TMP/a.db" "$TMP/actors.csv"
is "100,000 actors and sources: exit 0" "$RC" 0
under "100,000 actors and sources" 150
run "$SITREP" sql --db "$TMP/a.db" "SELECT (SELECT count(*) FROM event_actor), (SELECT count(*) FROM source)"
like "100,000 actors and sources: all stored" "$OUT" "100002 +100000"
limited show 60 "$SITREP" show --db "$TMP/a.db" MLI3001
is "100,000 actors: show exits 0" "$RC" 0
under "100,000 actors: show" 100

# ---- filters: 1 MB (in words of 100 KB: an argument is at most 128 KiB)
awk 'BEGIN { for (i = 0; i < 10; i++) { for (j = 0; j < 9091; j++) printf " actor:JNIM"
	print "" } }' >"$TMP/f1m"
set --
while IFS= read -r words; do set -- "$@" "$words"; done <"$TMP/f1m"
limited filter1m 20 "$SITREP" count "$@"
is "1 MB filter: exit 2" "$RC" 2
like "1 MB filter: too long" "$ERR" "filter too long .*at most 65536"
under "1 MB filter" 40

words=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%sw%d", i ? " OR " : "", i }')
limited terms 20 "$SITREP" count "$words"
is "1,000 ORed words: exit 2" "$RC" 2
like "1,000 ORed words: too many terms" "$ERR" "filter has too many terms .*1000, at most 256"

deep=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "("; printf "drone"
	for (i = 0; i < 10000; i++) printf ")" }')
limited deep 20 "$SITREP" count "$deep"
is "depth 10,000: exit 2" "$RC" 2
like "depth 10,000: nested too deeply" "$ERR" "filter nested too deeply"

words=$(awk 'BEGIN { for (i = 0; i < 200; i++) printf "%sw%d", i ? " OR " : "", i }')
limited or200 30 "$SITREP" count "$words" "Kassela"
is "200 ORed words: exit 0 (SQLite's depth limit not hit)" "$RC" 0
is "200 ORed words: counted" "$OUT" 0
under "200 ORed words" 60

done_testing
