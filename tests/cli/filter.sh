#!/bin/sh
# The filter language through the command line: sitrep count, list and
# stats take the same words; errors say what and where; SQL in a filter
# finds nothing and changes nothing.
. "$SRCDIR/tests/lib.sh"
plan 28

run "$SITREP" count actor:GSIM since:2023-01 until:2023-01-31
is "count: the January 2023 GSIM attacks and claim" "$OUT" 5

run "$SITREP" count --filter 'actor:GSIM since:2023-01' until:2023-01-31
is "count: --filter and words add up" "$OUT" 5

run "$SITREP" list --format csv 'near:Bamako<50km'
like "list near:Bamako<50km: Kassela" "$OUT" "Kassela"
unlike "list near:Bamako<50km: not Markacoungo" "$OUT" "Markacoungo"

run "$SITREP" list --format csv kind:context date:2022
like "list kind:context date:2022: Barkhane's withdrawal" "$OUT" "Barkhane"

run "$SITREP" list --format csv actor:JNIM "suicide vehicle"
like "a quoted word becomes a phrase" "$OUT" "Kati"
is "...and only that" "$(printf '%s\n' "$OUT" | sed 1d | wc -l | tr -d ' ')" 1

run "$SITREP" count 'actor:Katiba Macina' since:2022
all=$OUT
run "$SITREP" count 'actor:"Katiba Macina"' since:2022
is "actor:Katiba Macina as one word equals the quoted form" "$all" "$OUT"

run "$SITREP" count -actor:Wagner
n1=$OUT
run "$SITREP" count not actor:Wagner
is "-actor:Wagner and not actor:Wagner agree" "$n1" "$OUT"
run "$SITREP" count actor:Wagner
run "$SITREP" count
# shellcheck disable=SC2034
total=$OUT
run "$SITREP" count actor:Wagner
is "a negation and its term split the data set" "$((n1 + OUT))" "$total"

run "$SITREP" count reigon:Kayes
is "unknown field: exit 2" "$RC" 2
is "unknown field: message and column" "$ERR" \
	"sitrep: filter: unknown field 'reigon' at column 1 (did you mean 'region'?)"
run "$SITREP" count 'region:Kayes "suicide bomb'
is "unterminated quote: message and column" "$ERR" \
	"sitrep: filter: unterminated quote at column 14"
run "$SITREP" list 'near:Bamkao<50km'
is "unknown place: message" "$ERR" "sitrep: filter: no place named 'Bamkao' in the gazetteer or the events"
is "unknown place: exit 2" "$RC" 2

run "$SITREP" count --now 2023-02-09 since:-38d until:-1m
is "--now pins relative dates" "$OUT" 4

# --now latest counts back from the newest event: the data set's last year,
# which the clock's today (after the data set's end) would leave empty.
run "$SITREP" list --reverse --limit 1 --format tsv
newest=$(printf '%s\n' "$OUT" | awk -F '\t' 'NR == 2 { print $3 }')
run "$SITREP" count --now "$newest" since:-1y
pinned=$OUT
run "$SITREP" count --now latest since:-1y
is "--now latest: as --now $newest, the newest event's date" "$OUT" "$pinned"
check "--now latest: the data set's last year is not empty" test "$OUT" -gt 0
run "$SITREP" count --now lastest x
is "--now: a bad value is a usage error" "$RC" 2
like "--now: the message names both forms" "$ERR" "not a date \(YYYY-MM-DD\) or 'latest'"

run "$SITREP" stats --filter 'actor:GSIM date:2023-01'
is "stats takes a filter" "$RC" 0

run "$SITREP" count --sql 'region:Kayes' "x'); DROP"
like "count --sql shows values as literals" "$OUT" "e\\.admin1 = 'Kayes'"

# SQL in a filter: nothing found, exit 0, the file unchanged byte for byte.
cp "$SITREP_DB" "$TMP/copy.db"
cp "$SITREP_DB" "$TMP/orig.db"
run "$SITREP" list --db "$TMP/copy.db" 'actor:"x'"'"'); DROP TABLE event;--"'
is "SQL in actor: exit 0" "$RC" 0
is "SQL in actor: nothing found" "$(printf '%s\n' "$OUT" | grep -c 'DROP\|^ *[0-9]')" 0
run "$SITREP" count --db "$TMP/copy.db" '"x'"'"'); DROP TABLE event;--"' \
	"region:Kayes' OR 1=1 --"
is "SQL in free text and region: nothing found" "$OUT" 0
if cmp -s "$TMP/copy.db" "$TMP/orig.db"; then pass "the database file is unchanged"
else fail "the database file is unchanged"; fi
run "$SITREP" count --db "$TMP/copy.db"
is "every event still there" "$OUT" "$total"

run "$SITREP" count --help
like "count --help" "$OUT" "Usage: sitrep count"

done_testing
