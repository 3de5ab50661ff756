#!/bin/sh
# Any analyst's CSV: a table of events no other reader knows imports when
# it has a date column; ids come from a hash of each row's content (stable
# across re-imports), the columns it lacks stay empty, and the import says
# which columns it read and which it found no use for; --map names the
# columns of a table whose headers are its own; a file that still cannot
# be imported is told which columns it lacks. Every fixture is synthetic.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 22

# An ACLED export trimmed by an analyst to six columns (the shape of a
# spreadsheet kept for a briefing), one column of their own added.
cat >"$TMP/trimmed.csv" <<'CSV'
event_date,location,latitude,longitude,fatalities,notes,checked_by
2023-03-01,Djibo,14.1,-1.63,5,Synthetic: an attack on a convoy.,AB
2023-03-04,Kaya,13.09,-1.08,0,Synthetic: a protest.,
CSV
db=$TMP/t.db
run "$SITREP" import --db "$db" "$TMP/trimmed.csv"
is "no id column: imported" "$RC" 0
like "no id column: the summary says how it was read" "$OUT" \
	"\(a table of events, 7 columns, ids from each row's content\): 2 read, 2 imported, 0 updated, 0 unchanged, 0 skipped"
like "no id column: names the columns read" "$ERR" \
	"trimmed.csv: read as a table of events; columns read: event_date, location, latitude, longitude, fatalities, notes;"
like "no id column: and those it found no use for" "$ERR" "no use found for checked_by \(kept in each event's extra fields\)"
is "two events" "$(events "$db")" 2
id=$("$SITREP" export --db "$db" --format tsv | awk -F '\t' 'NR > 1 && /Djibo/ { print $21 ":" $22 }')
like "an id from the row's content, origin csv" "$id" "^csv:[0-9a-f]{16}$"
is "the columns it has" "$(field "$db" "${id#csv:}" location) $(field "$db" "${id#csv:}" fatalities) $(field "$db" "${id#csv:}" lat)" \
	"Djibo 5 14.1"
is "the columns it lacks stay empty" "$(field "$db" "${id#csv:}" actor1)|$(field "$db" "${id#csv:}" admin1)" "|"
is "its own column kept" "$(field "$db" "${id#csv:}" extra | grep -o '"checked_by":"AB"')" '"checked_by":"AB"'
run "$SITREP" show --db "$db" "$id"
like "show finds it by that id" "$OUT" "Synthetic: an attack on a convoy"
before=$(digest "$db")
run "$SITREP" import --db "$db" --quiet "$TMP/trimmed.csv"
is "re-import: the same ids, nothing changes" "$(digest "$db")" "$before"
is "re-import: quiet says nothing" "$OUT$ERR" ""
run "$SITREP" import --db "$db" "$TMP/trimmed.csv"
like "re-import: unchanged" "$OUT" ": 2 read, 0 imported, 0 updated, 2 unchanged"
sed 's/Kaya,13.09/Kaya town,13.09/' "$TMP/trimmed.csv" >"$TMP/edited.csv"
run "$SITREP" import --db "$db" "$TMP/edited.csv"
like "an edited row is another row: a new id" "$OUT" ": 2 read, 1 imported, 0 updated, 1 unchanged"

# A trimmed export that kept its ids: still ACLED's events, by their ids.
printf 'event_id_cnty,event_date,location,fatalities\nBFO7001,2023-03-05,Dori,2\n' >"$TMP/ids.csv"
run "$SITREP" import --db "$TMP/ids.db" "$TMP/ids.csv"
like "with event_id_cnty: a table of events with ids" "$OUT" "\(a table of events, 4 columns\): 1 read, 1 imported"
run "$SITREP" show --db "$TMP/ids.db" acled:BFO7001
like "with event_id_cnty: found as ACLED's event" "$OUT" "Dori"

# A table of one's own (a field team's log): --map names its columns.
cat >"$TMP/own.csv" <<'CSV'
Day,Town,Killed,Comment
2023-04-02,Fada N'Gourma,4,Synthetic: an ambush.
CSV
run "$SITREP" import --db "$TMP/own.db" --map event_date=Day,location=Town,fatalities=Killed,notes=Comment "$TMP/own.csv"
like "--map: imported" "$OUT" ": 1 read, 1 imported"
is "--map: its columns read as named" \
	"$("$SITREP" export --db "$TMP/own.db" --format tsv | awk -F '\t' 'NR == 2 { print $10 "|" $17 "|" $7 }')" \
	"Fada N'Gourma|4|Synthetic: an ambush."
run "$SITREP" import --db "$TMP/own2.db" --map event_date=Date "$TMP/own.csv"
like "--map of a column the file lacks: names it" "$ERR" "own.csv:1: --map event_date=Date: the header has no column 'Date'"
run "$SITREP" import --db "$TMP/own2.db" --map event_date "$TMP/own.csv"
is "--map without =: a usage error" "$RC" 2

# No date column: every reader's missing columns named.
printf 'Town,Killed\nDori,2\n' >"$TMP/nodate.csv"
run "$SITREP" import --db "$TMP/nd.db" "$TMP/nodate.csv"
is "no date column: fails" "$RC" 1
like "no date column: names what is missing" "$ERR" \
	"nodate.csv:1: not an ACLED or UCDP GED header: acled lacks event_id_cnty, event_date, actor1, fatalities; ucdp lacks id, side_a, side_b, date_start, best; csv lacks event_date or date \(--map NAME=COLUMN"
