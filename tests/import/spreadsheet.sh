#!/bin/sh
# Text as spreadsheets and R write it: a no-break space (U+00A0, and
# Windows-1252's 0xA0) or another Unicode space around a value is
# whitespace (so " 13.17" with a no-break space is a number), and a whole
# field NA, N/A, NULL or nan is no value. Inside a value, a no-break or
# other Unicode space reads as a plain space, and C1 mojibake (U+0091..U+0097:
# cp1252 quotes and dashes decoded as Latin-1) as the quote or dash it was. The fixtures are the first event
# of the real ACLED Sahel 2022 export, edited as a spreadsheet would.
. "$SRCDIR/tests/lib.sh"
plan 14
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
# The shape Excel re-saves give a text column: a no-break space inside a name
# (location), one in front of a quoted number, and cp1252's quotes and dashes
# as C1 controls (C2 93, C2 94, C2 96, C2 97) in the notes. The row is the
# real MLI6155 edited so (its latitude is synthetic).
head -1 "$src" > "$TMP/excel.csv"
sed -n 9p "$src" | awk -F, -v OFS=, '{
	$22 = "Tondo\302\240Erkokoni"; $23 = "\"\302\24027.56\""
	sub(/by JNIM militants/, "by \302\223JNIM\302\224 militants")
	sub(/\(Koro, Mopti\)/, "(Koro \302\226 Mopti) \302\227")
	print }' >> "$TMP/excel.csv"
run "$SITREP" import --db "$TMP/x.db" "$TMP/excel.csv"
like "Excel re-save: the row imports" "$RC:$OUT" "^0:.*1 imported.*0 skipped"
run "$SITREP" export --db "$TMP/x.db" --format tsv
# columns of the export by name: location, lat, description
tsv() { printf '%s\n' "$OUT" | awk -F'\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { print $k }'; }
is "an inner U+00A0 is a plain space" "$(tsv location)" "Tondo Erkokoni"
is "a number after U+00A0 in quotes is a number" "$(tsv lat)" 27.56
like "C1 quotes and dashes are repaired" "$(tsv description)" \
	"planted by “JNIM” militants near the village of Tondo Erkokoni \(Koro – Mopti\) —\. At least"
is "the title made from the location has the plain space" \
	"$(q "$TMP/x.db" "SELECT title FROM event")" "Remote explosive/landmine/IED in Tondo Erkokoni"
run "$SITREP" export --db "$TMP/x.db" --format tsv 'location:"Tondo Erkokoni"'
is "a filter typed with a plain space finds it" "$RC:$(tsv origin_id)" "0:MLI6155"
done_testing
