#!/bin/sh
# Ids users type: an event named by the id its data set gave it, with the
# data set's prefix when it is a number (UCDP's), in `sitrep show` and in
# the filter's id: field; a bare number is sitrep's own id, and show says so
# when it is also some event's UCDP id. Real files: UCDP GED 19.1 (its first
# row, id 209980) and ACLED's 2019 Mali export (MLI2665).
. "$SRCDIR/tests/lib.sh"
plan 14
db="$TMP/ids.db"
run "$SITREP" import --db "$db" "$SHARED/testdata/ucdp-ged-19.1/ged191.csv" \
	"$SHARED/testdata/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv"
is "both files import" "$RC" 0
q() { sqlite3 "$db" "$1"; }
ucdp=$(q "SELECT id FROM event WHERE origin = 'ucdp' AND origin_id = '209980'")
acled=$(q "SELECT id FROM event WHERE origin = 'acled' AND origin_id = 'MLI2665'")
# the event's own number as show prints it ("  id   N (ucdp 209980)")
shown() { printf '%s\n' "$OUT" | awk '$1 == "id" { print $2 " " $3 " " $4; exit }'; }

run "$SITREP" show --db "$db" ucdp:209980
is "show ucdp:209980 is UCDP's event 209980" "$RC:$(shown)" "0:$ucdp (ucdp 209980)"
run "$SITREP" show --db "$db" UCDP:209980
is "the prefix's case does not matter" "$RC:$(shown)" "0:$ucdp (ucdp 209980)"
run "$SITREP" show --db "$db" MLI2665
is "show MLI2665 is ACLED's event" "$RC:$(shown)" "0:$acled (acled MLI2665)"
run "$SITREP" show --db "$db" acled:MLI2665
is "acled:MLI2665 too" "$RC:$(shown)" "0:$acled (acled MLI2665)"
run "$SITREP" show --db "$db" ucdp:MLI2665
is "an id under another data set's prefix is no event" "$RC:$ERR" "1:sitrep: no event with id ucdp:MLI2665"

run "$SITREP" show --db "$db" 209980
like "a bare number is sitrep's id, and show names the UCDP event" "$RC:$ERR" \
	"^1:sitrep: note: 209980 is sitrep's id; the event whose UCDP id is 209980 is ucdp:209980"
run "$SITREP" show --db "$db" "$ucdp"
is "a number that is no origin id: no note" "$RC:$ERR" "0:"

# id: in the filter
ids() { "$SITREP" export --db "$db" --format tsv "$@" | awk -F'\t' 'NR > 1 { print $21 ":" $22 }' | sort | tr '\n' ' '; }
is "id:ucdp:209980" "$(ids id:ucdp:209980)" "ucdp:209980 "
is "id:MLI2665|MLI2664" "$(ids 'id:MLI2665|MLI2664')" "acled:MLI2664 acled:MLI2665 "
is "-id: leaves it out" "$(ids 'id:MLI2665|MLI2664' -id:acled:MLI2664)" "acled:MLI2665 "
is "id:N is still sitrep's id" "$(ids "id:$acled")" "acled:MLI2665 "
is "id:209980 is sitrep's id (none here)" "$(ids id:209980)" ""
run "$SITREP" list --db "$db" 'id>MLI2665'
like "an origin id takes no comparison" "$RC:$ERR" "^2:.*takes ':', not a comparison"
done_testing
