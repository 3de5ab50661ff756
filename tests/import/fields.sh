#!/bin/sh
# The new filter fields on the real current-layout ACLED export of
# ../shared/testdata (acled-sahel-2022: disorder_type, civilian_targeting,
# tags, admin3): each field finds as many events as the file has rows
# with that value, counted from the file itself by the sqlite3 shell's
# CSV reader (one row per event in this file), not by sitrep.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 21

SAHEL=$SHARED/testdata/acled-sahel-2022/acled-sahel-2022h1.csv
import_with_csv "$SAHEL"

# same FILTER WHERE: sitrep's count for FILTER is the file's count for WHERE.
same() {
	want=$(sqlite3 "$csv" "SELECT count(*) FROM a WHERE $2")
	run "$SITREP" count --db "$db" "$1"
	is "$1: $want events, as the file has ($2)" "$OUT" "$want"
}

JNIM="'JNIM: Group for Support of Islam and Muslims'"
same 'admin3:Ouagadougou' "admin3 = 'Ouagadougou'"
same 'admin3:"fada ngourma"' "admin3 = 'Fada Ngourma'"
same 'interaction:27' "interaction = '27'"
same 'interaction:12|60' "interaction IN ('12', '60')"
same 'inter1:2' "inter1 = '2'"
same 'inter2:0' "inter2 = '0'"
same 'disorder:demostrations' "disorder_type = 'Demostrations'"
same 'disorder:"Political violence" country:"Burkina Faso"' \
	"disorder_type = 'Political violence' AND country = 'Burkina Faso'"
same 'civilians:yes' "civilian_targeting <> ''"
same 'civilians:no' "civilian_targeting = ''"
same 'geo_precision:2' "geo_precision = '2'"
same 'precision:day' "time_precision = '1'"
same 'precision:range' "time_precision = '2'"
same 'actor1:JNIM' "actor1 = $JNIM"
same 'actor2:JNIM' "actor2 = $JNIM"
# tags is blank on every row of this file
same 'tags:"crowd size=no report"' "tags LIKE '%crowd size=no report%'"

# A file made before these indexes existed: read-only, the same counts by
# a walk; its next import adds them.
sqlite3 "$db" "DROP INDEX event_admin3_date; DROP INDEX event_interaction_date;
	DROP INDEX event_civilians_date; DROP INDEX event_range_date"
same 'admin3:Ouagadougou' "admin3 = 'Ouagadougou'"
same 'precision:range' "time_precision = '2'"
run "$SITREP" import --db "$db" "$SAHEL"
like "a later import of the older file" "$OUT" "186 unchanged"
is "adds the indexes it lacked" "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema
	WHERE name IN ('event_admin3_date', 'event_interaction_date', 'event_civilians_date',
	'event_range_date')")" 4
done_testing
