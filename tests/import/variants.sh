#!/bin/sh
# The other generations and encodings, from fixtures: ACLED's 2016 legacy
# layout in Windows-1252 with CRLF rows and a bare LF inside a note, an
# Excel re-save with a byte-order mark and Excel dates, UCDP GED 23+ (49
# columns); standard input; --format; a newer version of a row.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 32

F=$SRCDIR/tests/fixtures
db=$TMP/v.db

run "$SITREP" import --db "$db" "$F/acled-legacy-cp1252.csv"
is "legacy: imported" "$RC" 0
like "legacy: detected" "$OUT" "ACLED legacy layout.*: 3 read, 3 imported"
like "legacy: says it read Windows-1252" "$ERR" "acled-legacy-cp1252.csv:2: not valid UTF-8: reading the file as Windows-1252"
is "legacy: cp1252 converted to UTF-8" "$(field "$db" MLI1001 admin1)" "Ségou"
is "legacy: dd/mm/yyyy date" "$(field "$db" MLI1001 date_start)" "2015-12-29"
is "legacy: bare LF inside a note kept" "$(field "$db" MLI1001 description)" \
	'Gunmen killed two villagers near Diébaly – the army said.\nA second note line after a bare LF.'
is "legacy: ALLY_ACTOR_1 is an associated actor" "$(field "$db" MLI1002 assoc)" "MINUSMA"
is "legacy: time_precision 2 is a week" \
	"$(field "$db" MLI1002 date_start)..$(field "$db" MLI1002 date_end)" "2016-01-03..2016-01-09"
is "legacy: time_precision 3 is the month" "$(field "$db" MLI1003 date_precision)" "month"
# the upper-case names of the columns kept in extra are ACLED's current ones,
# where the filter fields look (INTERACTION is interaction:)
run "$SITREP" count --db "$db" interaction:37 inter1:3 inter2:7 admin3:Diébaly
is "legacy: INTERACTION, INTER1, INTER2, ADMIN3 found by their filter fields" "$OUT" 1

run "$SITREP" import --db "$db" "$F/acled-excel-bom.csv"
like "excel: BOM and CRLF, 31 columns" "$OUT" "sub_event_type.*: 2 read, 2 imported"
is "excel: 16-Feb-21" "$(field "$db" BFO2001 date_start)" "2021-02-16"
is "excel: 12-September-22" "$(field "$db" MLI2002 date_start)" "2022-09-12"
is "excel: GSIM is JNIM" "$(field "$db" BFO2001 actor1)" "JNIM"
is "excel: JNIM from several files is one actor" \
	"$("$SITREP" export --db "$db" --format native | grep -c '^name: JNIM$')" 1

run "$SITREP" import --db "$db" - <"$F/ged-49col.csv"
like "ged 49: from standard input" "$OUT" "^\(standard input\) \(UCDP GED 23\+ layout \(49 columns\)\): 2 read, 2 imported"
is "ged 49: best/high/low by name" \
	"$(field "$db" 500001 fatalities) $(field "$db" 500001 fatalities_low) $(field "$db" 500001 fatalities_high)" \
	"132 120 150"
is "ged 49: date_prec 4 over a whole month" "$(field "$db" 500002 date_precision)" "month"

run "$SITREP" import --db "$db" --format ucdp "$F/acled-excel-bom.csv"
is "--format ucdp on an ACLED file: refused" "$RC" 1
like "--format ucdp on an ACLED file: says why" "$ERR" "--format ucdp, but the header is ACLED"

# A newer version of a row updates it in place.
sed '/^MLI3001,/ { s/Two killed/Three killed/; s/,2,,1673000000/,3,,1673000000/; }' \
	"$F/acled-broken.csv" >"$TMP/v1.csv"
"$SITREP" import --db "$TMP/u.db" "$F/acled-broken.csv" >/dev/null 2>&1
run "$SITREP" import --db "$TMP/u.db" "$TMP/v1.csv"
like "newer version: one row updated" "$OUT" ": 5 read, 0 imported, 1 updated, 1 unchanged, 3 skipped"
is "newer version: the new figure" "$(field "$TMP/u.db" MLI3001 fatalities)" "3"
is "newer version: no duplicate" "$(events "$TMP/u.db")" 2
is "newer version: the old actors and sources went with it" \
	"$(sqlite3 "$TMP/u.db" 'PRAGMA foreign_key_check' 'SELECT count(*) FROM source')" \
	"$(sqlite3 "$TMP/u.db" 'SELECT count(*) FROM (SELECT DISTINCT e.id, s.publisher FROM event e JOIN source s ON s.event_id = e.id)')"
check "newer version: the full-text index agrees with the event table" \
	sqlite3 "$TMP/u.db" "INSERT INTO event_fts (event_fts) VALUES ('integrity-check')"
run "$SITREP" count --db "$TMP/u.db" three killed
is "newer version: found by its new words" "$OUT" 1
# MLI3005 says "Two killed at Kassela." too; MLI3001 no longer does.
run "$SITREP" count --db "$TMP/u.db" '"two killed"'
is "newer version: not by its old ones" "$OUT" 1
# A file that repeats rows, into a new database (where rows go in before
# they are looked up): an exact repeat changes nothing, a changed one
# updates the row it repeats.
awk -v n=3 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/rep.csv"
sed -n 2p "$TMP/rep.csv" >>"$TMP/rep.csv"
sed -n 3p "$TMP/rep.csv" | sed 's/reportedly clashed with/zebracorn met/' >>"$TMP/rep.csv"
run "$SITREP" import --db "$TMP/rep.db" "$TMP/rep.csv"
like "repeats: counted as such" "$OUT" ": 5 read, 3 imported, 1 updated, 1 unchanged, 0 skipped"
is "repeats: three events" "$(sqlite3 "$TMP/rep.db" 'SELECT count(*) FROM event')" 3
is "repeats: the changed row holds the later text" \
	"$(sqlite3 "$TMP/rep.db" "SELECT count(*) FROM event WHERE description LIKE '%zebracorn%'")" 1
# Off a terminal: the summary alone; on one (script(1)): a progress bar.
run "$SITREP" import --db "$TMP/p.db" "$SHARED/testdata/ucdp-ged-19.1/ged191.csv"
is "not a terminal: nothing but the summary" "$(printf '%s|%s' "$ERR" "$(printf '%s\n' "$OUT" | wc -l)")" "|1"
# script(1) (util-linux, installed by quickstart) gives the import a terminal.
awk -v n=30000 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/g.csv"
out=$(script -qc "'$SITREP' import --db '$TMP/t.db' '$TMP/g.csv'" /dev/null | tr '\r' '\n')
like "a terminal: a progress bar with rows, rows/s and ETA" "$out" \
	"g.csv \[[#.]+\] +[0-9]+% [0-9]+ rows [0-9]+ rows/s ETA [0-9:]+"
done_testing
