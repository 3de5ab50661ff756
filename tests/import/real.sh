#!/bin/sh
# The real exports of ../shared/testdata import with their exact row
# counts, the right dates, actors and fatalities, and a second import
# changes nothing.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 25

T=$SHARED/testdata
MALI=$T/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv
SAHEL=$T/acled-sahel-2022/acled-sahel-2022h1.csv
GED=$T/ucdp-ged-19.1/ged191.csv

# import_twice NAME FILE ROWS
import_twice() {
	db=$TMP/$1.db
	start=$(date +%s.%N)
	run "$SITREP" import --db "$db" "$2"
	end=$(date +%s.%N)
	echo "# $1: $3 rows in $(awk "BEGIN { printf \"%.2f\", $end - $start }") s"
	like "$1: $3 rows read and imported" "$OUT" ": $3 read, $3 imported, 0 updated, 0 unchanged, 0 skipped$"
	is "$1: the database holds $3 events" "$(events "$db")" "$3"
	before=$(digest "$db")
	run "$SITREP" import --db "$db" "$2"
	like "$1: a second import changes nothing" "$OUT" ": $3 read, 0 imported, 0 updated, $3 unchanged"
	is "$1: and the content is the same" "$(digest "$db")" "$before"
}

import_twice mali "$MALI" 1339
db=$TMP/mali.db
is "mali: date" "$(field "$db" MLI2665 date_start)" "2019-02-22"
is "mali: actor1 (ABBR: long name -> ABBR)" "$(field "$db" MLI2665 actor1)" "MSA"
is "mali: associated actor" "$(field "$db" MLI2665 assoc)" "GATIA"
is "mali: fatalities" "$(field "$db" MLI2665 fatalities)" "2"
is "mali: coordinates" "$(field "$db" MLI2665 lat),$(field "$db" MLI2665 lon)" "15.797,3.7095"

import_twice sahel "$SAHEL" 186
db=$TMP/sahel.db
is "sahel: JNIM by its abbreviation" "$(field "$db" BFO6996 actor1)" "JNIM"
is "sahel: strategic development is context" "$(field "$db" BFO6996 kind)" "context"
is "sahel: date and fatalities" \
	"$(field "$db" NIR14307 date_start) $(field "$db" NIR14307 fatalities)" "2022-01-10 1"
aliases=$("$SITREP" export --db "$db" --format native | awk '/^name: JNIM$/,/^$/')
like "sahel: JNIM keeps its long name as an alias" "$aliases" \
	"^alias: JNIM: Group for Support of Islam and Muslims$"

import_twice ged "$GED" 3194
db=$TMP/ged.db
is "ged: date_start..date_end is a range" \
	"$(field "$db" 209980 date_start)..$(field "$db" 209980 date_end)" "2015-05-11..2015-05-12"
is "ged: best, low, high" "$(field "$db" 209980 fatalities) $(field "$db" 209980 fatalities_low) $(field "$db" 209980 fatalities_high)" "1 1 30"
is "ged: sides are actors" "$(field "$db" 209980 actor1) / $(field "$db" 209980 actor2)" \
	"Government of Myanmar (Burma) / MNDAA"
like "ged: source_article entries are sources" "$(field "$db" 209406 sources)" \
	'"title":"Myanmar says 24 rebels killed in clashes near China border","publisher":"Associated Press Newswires"'
done_testing
