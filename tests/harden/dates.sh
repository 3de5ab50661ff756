#!/bin/sh
# Stored dates that cannot be read (text that is no date, a number, a day
# that does not exist) show as "invalid" in the timeline, in show and in
# stats' year and month groups, never as 1970-01-01 or as their first
# characters. The damage is made here, on a copy of the bundled database.
. "$SRCDIR/tests/lib.sh"
plan 9
cp "$SITREP_DB" "$TMP/d.db"
sqlite3 "$TMP/d.db" "UPDATE event SET date_start = 'garbage', date_end = X'00ff' WHERE id = 1;
	UPDATE event SET date_start = 99999, date_end = '0000-00-00' WHERE id = 2;
	UPDATE event SET date_start = '2022-02-31', date_end = '2022-02-31' WHERE id = 3" || exit 1

sqlite3 "$TMP/d.db" "UPDATE event SET date_start = '2012', date_end = '2012' WHERE id = 4;
	UPDATE event SET date_start = '2013-06', date_end = '2013-06' WHERE id = 5" || exit 1
run "$SITREP" list --db "$TMP/d.db"
is "list: the three unreadable dates are invalid" \
	"$(printf '%s\n' "$OUT" | grep -Ec '^ +[123] invalid ')" 3
unlike "list: no 1970" "$OUT" '1970-01-01'
run "$SITREP" show --db "$TMP/d.db" 1
like "show: invalid" "$OUT" 'date +invalid'
for by in year month; do
	run "$SITREP" stats --db "$TMP/d.db" --by "$by" --format csv
	like "stats --by $by: the three under invalid" "$OUT" '^invalid,3,'
	unlike "stats --by $by: no group from their first characters" "$OUT" '^(garb|9999|1970)'
done
run "$SITREP" stats --db "$TMP/d.db" --by year --format csv
like "stats: a stored year alone (2012) is a year" "$OUT" '^2012,'
run "$SITREP" stats --db "$TMP/d.db" --by month --format csv
like "stats: a stored month (2013-06) is a month" "$OUT" '^2013-06,'
done_testing
