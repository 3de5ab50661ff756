#!/bin/sh
# Places anywhere, on the real ACLED export of ../shared/testdata whose
# countries the bundled gazetteer (Mali's) does not cover: near:NAME finds
# a place from the file's own events (the most frequent coordinates of
# that location) and says so; distances in an event's record are from the
# capital of the event's country (data/capitals.txt). The figures to
# compare with are computed from the file by the sqlite3 shell and awk.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 9

SAHEL=$SHARED/testdata/acled-sahel-2022/acled-sahel-2022h1.csv
import_with_csv "$SAHEL"

# Where the file's Ouagadougou events most often are.
at=$(sqlite3 -separator ' ' "$csv" "SELECT latitude, longitude, count(*) FROM a
	WHERE location = 'Ouagadougou' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1")
set -- $at
lat=$1 lon=$2 n=$3
# Events of the file within 10 km of it (equirectangular, as near: is).
want=$(sqlite3 -separator ' ' "$csv" "SELECT latitude, longitude FROM a" | awk -v la="$lat" -v lo="$lon" '
	BEGIN { k = cos(la * 3.14159265358979 / 180); r = 10 / 111.195 }
	{ dy = $1 - la; dx = ($2 - lo) * k; if (dy * dy + dx * dx <= r * r) c++ }
	END { print c + 0 }')
"$SITREP" count --db "$db" 'near:Ouagadougou<10km' >"$TMP/out" 2>"$TMP/err"
is "near:Ouagadougou<10km: the events within 10 km of the file's Ouagadougou" \
	"$(cat "$TMP/out")" "$want"
like "and it says where the place came from" "$(cat "$TMP/err")" \
	"near:Ouagadougou is not in the gazetteer: taken from this file's events, $n of which are at $(printf '%.4f,%.4f' "$lat" "$lon")"
run "$SITREP" count --db "$db" 'near:Atlantis<10km'
like "a place in neither fails and says so" "$ERR" "no place named 'Atlantis' in the gazetteer or the events"
"$SITREP" count 'near:Bamako<50km' >/dev/null 2>"$TMP/err"
is "the bundled set's gazetteer is used as before, with no note" "$(cat "$TMP/err")" ""

# From the capital of the event's own country: BFO6996 (Bounou, Burkina
# Faso) is measured from the file's Ouagadougou, great-circle.
ev=$(sqlite3 -separator ' ' "$csv" "SELECT latitude, longitude FROM a WHERE event_id_cnty = 'BFO6996'")
km=$(echo "$ev $lat $lon" | awk '{
	d = 3.14159265358979 / 180; p1 = $3 * d; p2 = $1 * d
	a = sin((p2 - p1) / 2) ^ 2 + cos(p1) * cos(p2) * sin(($2 - $4) * d / 2) ^ 2
	printf "%.0f", 2 * 6371.0088 * atan2(sqrt(a), sqrt(1 - a)) }')
run "$SITREP" show --db "$db" BFO6996
like "a Burkina Faso event: from Ouagadougou, not Bamako" "$OUT" "from capital  *$km km SE of Ouagadougou"
# NIR14307 (Niger): the file has no event at Niamey, so no capital line.
run "$SITREP" show --db "$db" NIR14307
unlike "a Niger event is never measured from Bamako" "$OUT" "of Bamako"
# A Mali event of the file: from Bamako, placed by the file's own events.
run "$SITREP" show --db "$db" MLI6573
like "a Mali event: from Bamako" "$OUT" "from capital .* of Bamako"
run "$SITREP" show mali-a1
like "the bundled set: as before" "$OUT" "from capital  *36 km E of Bamako"
done_testing
