#!/bin/sh
# Round trips keep dates: `export --format acled` of events whose date is
# a range or known only to the month or year writes them so that
# importing the export gives the same dates and precision. ACLED's codes
# say a day, the week around a day (time_precision 2) and a month; any
# other range goes to the date_range column as well, which the importer
# reads in their place. Events: the bundled data set (day, month and year
# dates), the GED 23+ fixture (a two-day range, a whole month) and
# synthetic rows below.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 9

# A synthetic UCDP GED file (the 49-column layout less its tail) with the
# ranges ACLED cannot say: eleven days, a whole year (date_prec 5), and a
# seven-day range it can.
F=$SRCDIR/tests/fixtures
{
	head -1 "$F/ged-49col.csv"
	for r in "600001,2019-03-02,2019-03-12,1" "600002,2018-01-01,2018-12-31,5" "600003,2020-05-04,2020-05-10,1"; do
		IFS=, read -r id a b p <<EOT
$r
EOT
		echo "$id,MLI-$id,2019,TRUE,Clear,1,,,Mali: Government,,,Government of Mali - JNIM,,,Government of Mali,,,JNIM,1,\"\"\"AFP,$a,Synthetic\"\"\",AFP,$a,Synthetic,,1,Gao,Gao town,Gao region,Gao cercle,16.27,-0.04,POINT (-0.04 16.27),,Mali,432,Africa,1,$p,$a,$b,1,1,0,0,2,2,2,432,"
	done
} >"$TMP/ranges.csv"

db=$TMP/a.db
"$SITREP" import --quiet --db "$db" "$SRCDIR/data/meta.sitrep" "$SRCDIR/data/actors.sitrep" \
	"$SRCDIR/data/events.sitrep" "$F/ged-49col.csv" "$TMP/ranges.csv"
# id, start, end, precision of each event; an event from elsewhere comes
# back from the ACLED file as origin:id under ACLED's origin.
dates() {
	"$SITREP" export --db "$1" --format tsv | awk -F '\t' 'NR > 1 { print $21 ":" $22, $3, $4, $5 }' |
		sed 's/^acled://' | sort
}
"$SITREP" export --db "$db" --format acled >"$TMP/a.csv"
run "$SITREP" import --db "$TMP/b.db" "$TMP/a.csv"
is "the export reads back whole" "$RC|$(events "$TMP/b.db")" "0|$(events "$db")"
like "the data set has month and year dates" "$(dates "$db" | awk '{ print $4 }' | sort -u | tr '\n' ' ')" \
	"^day month year $"
is "every event's dates and precision come back" "$(dates "$TMP/b.db")" "$(dates "$db")"
row() { grep "^ucdp:$1," "$TMP/a.csv" | awk -F, '{ print $2, $4, $NF }'; }
is "two days: the middle, the week code, the range" "$(row 500001)" "2022-06-18 2 2022-06-18..2022-06-19"
is "a whole month: ACLED's month code alone" "$(row 500002)" "2022-07-01 3 "
is "eleven days: the middle day, the month code, the range" "$(row 600001)" "2019-03-07 3 2019-03-02..2019-03-12"
is "a year: its middle day, the range as the year" "$(row 600002)" "2018-07-02 3 2018"
is "seven days: ACLED's week around the middle day" "$(row 600003)" "2020-05-07 2 "
is "the header ends in date_range" "$(head -1 "$TMP/a.csv" | awk -F, '{ print NF ":" $NF }')" "32:date_range"
