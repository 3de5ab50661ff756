#!/bin/sh
# Text as spreadsheets and R write it: a no-break space (U+00A0, and
# Windows-1252's 0xA0) or another Unicode space around a value is
# whitespace (so " 13.17" with a no-break space is a number), and a whole
# field NA, N/A, NULL or nan is no value. The fixtures are the first event
# of the real ACLED Sahel 2022 export, edited as a spreadsheet would.
. "$SRCDIR/tests/lib.sh"
plan 8
src="$SHARED/testdata/acled-sahel-2022/acled-sahel-2022h1.csv"
head -1 "$src" > "$TMP/nbsp.csv"
# latitude and location padded with U+00A0, admin3 and assoc_actor_2 as R's
# NA and pandas' nan, fatalities with a thin space (U+2009) after it
sed -n 2p "$src" | awk -F, -v OFS=, '{
	$22 = "\302\240" $22 "\302\240"; $23 = "\302\240" $23; $21 = "NA"; $12 = "nan"
	sub(/,1,,1642439769$/, ",1\342\200\211,,1642439769"); print }' >> "$TMP/nbsp.csv"
run "$SITREP" import --db "$TMP/u.db" "$TMP/nbsp.csv"
like "no-break spaces and NA: the row imports" "$RC:$OUT" "^0:.*1 imported.*0 skipped"
q() { sqlite3 "$1" "$2"; }
is "a latitude after U+00A0 is a number" "$(q "$TMP/u.db" "SELECT lat FROM event")" 13.1745
is "a location in U+00A0 is trimmed" "$(q "$TMP/u.db" "SELECT location FROM event")" Gargada
is "fatalities before U+2009 is a number" "$(q "$TMP/u.db" "SELECT fatalities FROM event")" 1
is "NA as admin3 (kept in extra) is no value" \
	"$(q "$TMP/u.db" "SELECT coalesce(json_extract(extra, '\$.admin3'), '') FROM event")" ""
is "nan as an associated actor is none" \
	"$(q "$TMP/u.db" "SELECT count(*) FROM actor WHERE name IN ('nan', 'NA')")" 0

# the same in Windows-1252: 0xA0 is its no-break space
head -1 "$src" > "$TMP/cp.csv"
sed -n 2p "$src" | awk -F, -v OFS=, '{ $22 = $22 "\240"; $23 = "\240" $23; print }' >> "$TMP/cp.csv"
run "$SITREP" import --db "$TMP/c.db" "$TMP/cp.csv"
like "Windows-1252 0xA0: the row imports" "$RC:$OUT" "^0:.*1 imported.*0 skipped"
is "Windows-1252 0xA0 is trimmed" "$(q "$TMP/c.db" "SELECT location || '|' || lat FROM event")" "Gargada|13.1745"
done_testing
