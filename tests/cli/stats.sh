#!/bin/sh
# sitrep stats: groups add up to the whole.
. "$SRCDIR/tests/lib.sh"
plan 7
total=$("$SITREP" list --format csv | tail -n +2 | wc -l)
run "$SITREP" stats --format csv
is "stats exits 0" "$RC" 0
sum=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F, '{ s += $2 } END { print s }')
is "years add up to every event" "$sum" "$total"
run "$SITREP" stats --by month --format csv
sum=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F, '{ s += $2 } END { print s }')
is "months add up to every event" "$sum" "$total"
run "$SITREP" stats --by actor --format csv
like "actor JNIM counted" "$OUT" '^JNIM,'
run "$SITREP" stats --by region
like "table has a total line" "$OUT" '^total'
run "$SITREP" stats --by planet
is "bad --by: usage error" "$RC" 2
like "bad --by: names the choices" "$ERR" 'year, month, type, actor or region'
done_testing
