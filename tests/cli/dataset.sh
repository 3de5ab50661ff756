#!/bin/sh
# dataset.sh: checks the built bundled data set ($SITREP_DB) with the sqlite3
# shell, read-only: every event sourced, dated and placed inside Mali, the
# reference events present with their dates, conflicting figures kept per
# source, actor aliases and affiliations, the gazetteer and its attribution.
# Prints TAP.

: "${SITREP_DB:?SITREP_DB must name the built data set (data/mali.db)}"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 command-line shell is not installed"
	exit 0
fi
if ! test -r "$SITREP_DB"; then
	echo "1..1"
	echo "not ok 1 - $SITREP_DB is readable"
	exit 1
fi

# The TAP helpers of tests/lib.sh (it needs $SITREP, set by make check);
# run by hand without it, minimal stand-ins with the same names do.
if test -n "${SITREP:-}" && test -r "${SRCDIR:-.}/tests/lib.sh"; then
	# shellcheck disable=SC1091
	. "$SRCDIR/tests/lib.sh"
else
	TAP_N=0
	TAP_FAILED=0
	plan() { echo "1..$1"; }
	pass() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $1"; }
	fail() {
		TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1))
		echo "not ok $TAP_N - $1"
		shift
		for line in "$@"; do printf '# %s\n' "$line"; done
	}
	is() {
		if [ "$2" = "$3" ]; then pass "$1"
		else fail "$1" "got:  $2" "want: $3"; fi
	}
	done_testing() { [ "$TAP_FAILED" -eq 0 ]; }
fi

# ds_q SQL: the query's rows on one line, '; ' between rows, '|' between
# columns (one line keeps a failure's TAP diagnostic a single comment).
ds_q()
{
	sqlite3 -readonly -batch "$SITREP_DB" "$1" 2>&1 | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/; /g'
}

# ds_is DESCRIPTION SQL WANT: passes when the query prints exactly WANT.
ds_is()
{
	is "$1" "$(ds_q "$2")" "$3"
}

# ds_none DESCRIPTION SQL: passes when the query finds no rows (it lists offenders).
ds_none()
{
	ds_is "$1" "$2" ""
}

plan 29

ds_none "every event has a source with a title and an address" \
	"SELECT origin_id FROM event e WHERE NOT EXISTS (SELECT 1 FROM source s
	 WHERE s.event_id = e.id AND trim(coalesce(s.title, '')) <> ''
	 AND trim(coalesce(s.url, '')) <> '');"

ds_none "no source lacks a title or an address" \
	"SELECT e.origin_id, s.id FROM source s JOIN event e ON e.id = s.event_id
	 WHERE trim(coalesce(s.title, '')) = '' OR coalesce(s.url, '') NOT LIKE 'http%';"

ds_none "coordinates lie inside Mali's bounding box, or are both absent" \
	"SELECT origin_id, lat, lon FROM event
	 WHERE NOT ((lat IS NULL AND lon IS NULL)
	 OR (lat BETWEEN 10.1 AND 25.1 AND lon BETWEEN -12.3 AND 4.3));"

# date(x) alone lets 2013-02-30 through; the '+0 days' modifier normalises it.
ds_none "dates are valid ISO dates and no range ends before it starts" \
	"SELECT origin_id, date_start, date_end FROM event
	 WHERE date(date_start, '+0 days') IS NOT date_start
	 OR date(date_end, '+0 days') IS NOT date_end OR date_end < date_start;"

ds_none "date precision is day, month or year" \
	"SELECT origin_id, date_precision FROM event
	 WHERE date_precision NOT IN ('day', 'month', 'year');"

ds_none "fatality ranges are ordered (low <= best <= high)" \
	"SELECT origin_id FROM event
	 WHERE fatalities_low > fatalities_high OR fatalities < fatalities_low
	 OR fatalities > fatalities_high;"

ds_is "the six APA events (Table A) have their dates" \
	"SELECT group_concat(origin_id || '=' || date_start, ' ') FROM
	 (SELECT origin_id, date_start FROM event WHERE origin_id LIKE 'mali-a%'
	  ORDER BY origin_id);" \
	"mali-a1=2023-01-02 mali-a2=2023-01-02 mali-a3=2023-01-08 mali-a4=2023-01-09 mali-a5=2023-01-10 mali-a6=2022-07-22"

ds_is "the 28 context events and major incidents (Table B) are all there" \
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 28)
	 SELECT count(*) FROM n JOIN event ON origin_id = 'mali-b' || i;" \
	"28"

ds_is "Table B dates, precisions and ranges" \
	"SELECT group_concat(d, ' ') FROM (SELECT origin_id || '=' || date_start || '..'
	 || date_end || '/' || date_precision AS d FROM event WHERE origin_id IN
	 ('mali-b4', 'mali-b6', 'mali-b13', 'mali-b15', 'mali-b24') ORDER BY date_start);" \
	"$(printf '%s ' mali-b4=2013-01-11..2013-01-11/day \
		mali-b6=2015-05-15..2015-06-20/day mali-b13=2021-12-01..2021-12-31/month \
		mali-b15=2022-03-27..2022-03-31/day mali-b24=2024-07-25..2024-07-27/day | sed 's/ $//')"

# Tables A and B (34 events) and Tables D and E (80).
ds_is "the data set holds its 114 events" \
	"SELECT count(*) FROM event;" "114"

ds_none "every year from 2012 to 2025 has at least two events" \
	"WITH RECURSIVE y(n) AS (SELECT 2012 UNION ALL SELECT n + 1 FROM y WHERE n < 2025)
	 SELECT n FROM y WHERE (SELECT count(*) FROM event
	 WHERE substr(date_start, 1, 4) = CAST(n AS TEXT)) < 2;"

# The rows whose toll the reference tables mark CONFLICT (mali-events.md,
# mali-events-more.md) keep at least two sources' own figures. Koulogon
# (mali-d26), Ogossagou 2020 (mali-d33) and the Chadian toll of the Ifoghas
# ambush (mali-d14, within one Wikipedia article's revisions) are not among them: their other
# figures are quoted without the report that carried them, so only one has
# a source of its own (the note gives the rest).
ds_none "every CONFLICT toll keeps two sources' own figures" \
	"WITH c(id) AS (VALUES ('mali-a1'), ('mali-a2'), ('mali-a6'), ('mali-b9'),
	 ('mali-b17'), ('mali-b20'), ('mali-d1'), ('mali-d6'), ('mali-d22'), ('mali-d23'), ('mali-d24'),
	 ('mali-d28'), ('mali-d29'), ('mali-d30'), ('mali-d31'), ('mali-d32'), ('mali-d34'),
	 ('mali-d37'), ('mali-d39'), ('mali-d40'), ('mali-d41'), ('mali-d42'), ('mali-d43'),
	 ('mali-d47'), ('mali-d48'), ('mali-d49'), ('mali-d50'), ('mali-d51'), ('mali-d52'))
	 SELECT c.id FROM c LEFT JOIN event e ON e.origin_id = c.id
	 WHERE (SELECT count(DISTINCT s.fatalities) FROM source s
	 WHERE s.event_id = e.id AND s.fatalities IS NOT NULL) < 2;"

# Each point names its gazetteer node (extra's gazetteer-node) and lies
# within 25 km of it, or says in gazetteer-note why it is not a node of the
# extract. Distances: equirectangular, good to well under 1% over Mali.
ds_none "every point is within 25 km of its gazetteer place, or a note says why" \
	"SELECT e.origin_id FROM event e
	 LEFT JOIN place p ON p.osm_id = json_extract(e.extra, '$.gazetteer-node')
	 WHERE e.lat IS NOT NULL AND json_extract(e.extra, '$.gazetteer-note') IS NULL
	 AND (p.id IS NULL OR 6371.0 * sqrt(power(radians(e.lat - p.lat), 2)
	 + power(radians(e.lon - p.lon) * cos(radians(e.lat)), 2)) > 25);"

ds_none "every see-also names an event of the data set" \
	"SELECT e.origin_id FROM event e WHERE json_extract(e.extra, '$.see-also') IS NOT NULL
	 AND NOT EXISTS (SELECT 1 FROM event t
	 WHERE t.origin_id = json_extract(e.extra, '$.see-also'));"

# mali-events.md's framing table cites Spam Chronicles once; mali-events-more.md
# judges it unreliable.
ds_none "no fact rests on the source judged unreliable (Spam Chronicles)" \
	"SELECT e.origin_id FROM source s JOIN event e ON e.id = s.event_id
	 WHERE s.url LIKE '%spamchronicles%' OR s.publisher LIKE '%spam chronicles%';"

ds_is "the Algiers Accord's end keeps both dates: 2024-01-25 and HRW's January 2023" \
	"SELECT e.date_start || ' ' || s.quote FROM event e JOIN source s ON s.event_id = e.id
	 WHERE e.origin_id = 'mali-b23' AND s.publisher LIKE '%HRW%';" \
	"2024-01-25 January 2023"

ds_is "events are incidents or context events, both present" \
	"SELECT group_concat(kind, ' ') FROM (SELECT DISTINCT kind FROM event ORDER BY kind);" \
	"context incident"

ds_is "Markacoungo (mali-a2) keeps both figures: 3 (APA) and 5 (ministry)" \
	"SELECT group_concat(f, ' ') FROM (SELECT DISTINCT s.fatalities AS f FROM source s
	 JOIN event e ON e.id = s.event_id WHERE e.origin_id = 'mali-a2'
	 AND s.fatalities IN (3, 5) ORDER BY f);" \
	"3 5"

ds_is "Markacoungo's best figure is 5, within 3..5" \
	"SELECT fatalities || ' ' || fatalities_low || ' ' || fatalities_high FROM event
	 WHERE origin_id = 'mali-a2';" \
	"5 3 5"

ds_is "Kassela (mali-a1) keeps APA's 1 and local media's 2" \
	"SELECT group_concat(f, ' ') FROM (SELECT DISTINCT s.fatalities AS f FROM source s
	 JOIN event e ON e.id = s.event_id WHERE e.origin_id = 'mali-a1'
	 AND s.fatalities IS NOT NULL ORDER BY f);" \
	"1 2"

ds_none "every event with a low..high range explains it in a note" \
	"SELECT origin_id FROM event WHERE fatalities_low IS NOT fatalities_high
	 AND (fatalities_low IS NOT NULL OR fatalities_high IS NOT NULL)
	 AND trim(coalesce(fatalities_note, '')) = '';"

ds_is "JNIM is also known as GSIM" \
	"SELECT a.name FROM actor_alias x JOIN actor a ON a.id = x.actor_id
	 WHERE x.alias = 'GSIM';" \
	"JNIM"

ds_is "JNIM is also known as the Group for Support of Islam and Muslims" \
	"SELECT a.name FROM actor_alias x JOIN actor a ON a.id = x.actor_id
	 WHERE x.alias = 'Group for Support of Islam and Muslims';" \
	"JNIM"

ds_is "Katiba Macina's parent is JNIM, whose parent is AQIM" \
	"SELECT p.name || ' ' || g.name FROM actor c JOIN actor p ON p.id = c.parent_id
	 JOIN actor g ON g.id = p.parent_id WHERE c.name = 'Katiba Macina';" \
	"JNIM AQIM"

ds_none "every actor has a kind from the documented list" \
	"SELECT name FROM actor WHERE kind IS NULL OR kind NOT IN ('state force',
	 'foreign force', 'private military company', 'non-state armed group', 'UN mission',
	 'civilians', 'government', 'international body', 'other');"

ds_none "every event names at least one actor" \
	"SELECT origin_id FROM event e WHERE NOT EXISTS
	 (SELECT 1 FROM event_actor x WHERE x.event_id = e.id);"

ds_is "the gazetteer has 5,685 places" \
	"SELECT count(*) FROM place;" "5685"

ds_is "the attribution credits OpenStreetMap and the ODbL" \
	"SELECT (value LIKE '%© OpenStreetMap contributors%')
	 || (value LIKE '%Open Database License (ODbL)%') FROM meta WHERE key = 'attribution';" \
	"11"

ds_is "the capital is a gazetteer place" \
	"SELECT count(*) > 0 FROM meta m JOIN place p ON p.name = m.value
	 WHERE m.key = 'capital';" \
	"1"

done_testing
