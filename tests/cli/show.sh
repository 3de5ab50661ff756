#!/bin/sh
# sitrep show: the whole record, conflicting figures, position from the capital.
. "$SRCDIR/tests/lib.sh"
plan 14

id_of() { "$SITREP" list --format csv | awk -F, -v p="$1" '$8 == p { print $1; exit }'; }
mk=$(id_of Markacoungo)
ka=$(id_of Kassela)

run "$SITREP" show --format json "$mk"
is "show --format json exits 0" "$RC" 0
figs=$(printf '%s' "$OUT" | python3 -c 'import json,sys
r=json.load(sys.stdin)
print(" ".join(sorted(str(s["fatalities"]) for s in r["sources"] if s["fatalities"] is not None)))')
like "Markacoungo carries both figures, 3 and 5" "$figs" '(^| )3( |.*)5'
keys=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin).keys()))')
like "json keys are the schema's columns plus actors and sources" "$keys" \
     '^id kind date_start date_end date_precision title description event_type sub_event_type location admin1 admin2 country lat lon geo_precision fatalities fatalities_low fatalities_high fatalities_note origin origin_id extra actors sources$'
withsrc=$(printf '%s' "$OUT" | python3 -c 'import json,sys
r=json.load(sys.stdin); print(all(s["title"] and s["url"] for s in r["sources"]))')
is "every source has a title and an address" "$withsrc" True

run "$SITREP" show "$ka"
is "show exits 0" "$RC" 0
like "Kassela lies about 36 km east of Bamako" "$OUT" '3[5-7] km E of Bamako'
like "nearest place is named" "$OUT" 'nearest place +(in Kassela|[0-9]+ km [NESW]+ of )'
like "sources listed with addresses" "$OUT" 'https?://'

run "$SITREP" show "$mk"
like "text view says the figures disagree" "$OUT" 'disagree'

run "$SITREP" show 999999
is "unknown id: status 1" "$RC" 1
like "unknown id: says so" "$ERR" 'no event with id 999999'
run "$SITREP" show abc
is "unknown origin id: status 1" "$RC" 1
run "$SITREP" show --format json mali-a2
like "an event by its id in its origin" "$OUT" '"origin_id": "mali-a2"'
run "$SITREP" show 1 2
is "two ids: usage error (2)" "$RC" 2
done_testing
