#!/bin/sh
# sitrep list over the bundled data set: every format, order, limits, width.
. "$SRCDIR/tests/lib.sh"
plan 20

run "$SITREP" list --format csv
is "csv exits 0" "$RC" 0
is "csv header" "$(printf '%s\n' "$OUT" | head -n 1)" \
   "id,kind,date_start,date_end,date_precision,title,event_type,location,admin1,lat,lon,fatalities,actors"
CSV=$OUT
for place in Kassela Markacoungo 'Didi.ni' 'S.b.koro' Kati; do
	like "Table A incident at $place listed" "$CSV" ",$place,"
done
like "the JNIM/GSIM claim of 10 January 2023" "$CSV" ',2023-01-10,2023-01-10,day,'
like "Serval, Barkhane's launch and withdrawal" "$(printf '%s\n' "$CSV" | cut -d, -f3 | tr '\n' ' ')" \
     '2013-01-11 .*2014-08-01 .*2022-08-15'
like "coups of 2012, 2020 and 2021" "$(printf '%s\n' "$CSV" | cut -d, -f3 | tr '\n' ' ')" \
     '2012-03-21 .*2020-08-18 .*2021-05-24'
like "Wagner's arrival at month precision" "$CSV" ',2021-12-01,2021-12-31,month,'
like "Moura, MINUSMA's end, Bamako 2024, the blockade" \
     "$(printf '%s\n' "$CSV" | cut -d, -f3 | tr '\n' ' ')" \
     '2022-03-27 .*2023-06-30 .*2024-09-17 .*2025-09-03'

dates=$(printf '%s\n' "$CSV" | tail -n +2 | cut -d, -f3)
is "timeline in date order" "$dates" "$(printf '%s\n' "$dates" | sort)"

rows=$(printf '%s\n' "$CSV" | tail -n +2 | wc -l)
run "$SITREP" list --format json
is "json exits 0" "$RC" 0
jrows=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>&1)
is "json is valid and has every row" "$jrows" "$rows"
run "$SITREP" list --format tsv
is "tsv has every row" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "$rows"

run "$SITREP" list --format csv --limit 3
is "--limit 3" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 3
run "$SITREP" list --format csv --reverse --limit 1
is "--reverse starts with the newest" "$(printf '%s\n' "$OUT" | tail -n 1 | cut -d, -f3)" \
   "$(printf '%s\n' "$dates" | tail -n 1)"

run "$SITREP" list
widest=$(printf '%s\n' "$OUT" | python3 -c 'import sys,unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in sys.stdin))')
if [ "$widest" -le 80 ]; then pass "table fits 80 columns on a pipe"; else fail "table fits 80 columns" "widest $widest"; fi
is "table has a header and a line per event" "$(printf '%s\n' "$OUT" | wc -l)" $((rows + 1))
done_testing
