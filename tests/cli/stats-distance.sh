#!/bin/sh
# sitrep stats --distance: per month (or year) the median and 10th
# percentile distance of the filter's located incidents from the capital,
# checked against the same figures computed by sqlite3 on the file (the
# haversine in SQL, the median and the nearest-rank percentile by window
# functions), and the context events per month.
. "$SRCDIR/tests/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 command-line shell is not installed"
	exit 0
fi
plan 11
q() { sqlite3 -readonly -batch -csv "$SITREP_DB" "$1"; }

# per period of the first $1 characters of the date (7: month, 4: year),
# for incidents matching $2: period, located, median, p10
figures() {
	q "WITH cap AS (SELECT p.lat AS clat, p.lon AS clon FROM meta m JOIN place p
	     ON p.name = m.value WHERE m.key = 'capital'
	     ORDER BY p.population DESC LIMIT 1),
	   h AS (SELECT substr(e.date_start, 1, $1) AS per,
	     sin(radians(e.lat - clat) / 2) * sin(radians(e.lat - clat) / 2) +
	     cos(radians(clat)) * cos(radians(e.lat)) *
	     sin(radians(e.lon - clon) / 2) * sin(radians(e.lon - clon) / 2) AS a
	     FROM event e, cap WHERE e.kind = 'incident' AND e.lat IS NOT NULL
	     AND e.lon IS NOT NULL AND ($2)),
	   d AS (SELECT per, 2 * 6371.0088 * atan2(sqrt(a), sqrt(1 - a)) AS km FROM h),
	   r AS (SELECT per, km, row_number() OVER (PARTITION BY per ORDER BY km) AS i,
	     count(*) OVER (PARTITION BY per) AS n FROM d)
	   SELECT per, n, printf('%.1f', avg(km) FILTER (WHERE i IN ((n + 1) / 2, (n + 2) / 2))),
	     printf('%.1f', max(CASE WHEN i = (n + 9) / 10 THEN km END))
	   FROM r GROUP BY per ORDER BY per"
}
# sitrep's rows with located incidents, as period,located,median,p10
ours() { printf '%s\n' "$OUT" | awk -F, 'NR > 1 && $2 > 0 { print $1 "," $2 "," $3 "," $4 }'; }

run "$SITREP" stats --by month --distance --format csv
is "by month: exits 0" "$RC" 0
want=$(figures 7 1)
is "by month: the whole file's medians and 10th percentiles as sqlite3 has them" "$(ours)" "$want"
is "by month: more than 20 months" "$([ "$(printf '%s\n' "$want" | wc -l)" -gt 20 ] && echo yes)" yes
# every context event of the file between the first and last month with
# incidents, in its month
ctx=$(q "SELECT substr(date_start, 1, 7), count(*) FROM event WHERE kind = 'context'
	AND substr(date_start, 1, 7) BETWEEN
	(SELECT min(substr(date_start, 1, 7)) FROM event WHERE kind = 'incident' AND lat IS NOT NULL)
	AND (SELECT max(substr(date_start, 1, 7)) FROM event WHERE kind = 'incident' AND lat IS NOT NULL)
	GROUP BY 1 ORDER BY 1")
is "by month: context events per month" \
	"$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 && $5 > 0 { print $1 "," $5 }')" "$ctx"

run "$SITREP" stats --distance --by year --format csv date:2022..2024
is "by year, a filter: the years' figures as sqlite3 has them" "$(ours)" \
	"$(figures 4 "e.date_start BETWEEN '2022' AND '2024-12-31'")"

run "$SITREP" stats --distance actor:JNIM
is "actor:JNIM, table: exits 0" "$RC" 0
like "actor:JNIM, table: says the capital" "$OUT" "distance from Bamako in km, by month"
like "actor:JNIM, table: January 2023, four located attacks" "$OUT" \
	'^2023-01 +4 +95\.9 +36\.4 '

run "$SITREP" stats --distance --by type
is "--by type: a usage error" "$RC" 2

run "$SITREP" stats --distance --around 24
is "with --around: a usage error" "$RC" 2

nocap=$TMP/nocap.db
cp "$SITREP_DB" "$nocap"
sqlite3 "$nocap" "DELETE FROM meta WHERE key = 'capital'"
run "$SITREP" --db "$nocap" stats --distance
is "a database with no capital: fails, saying so" "$RC:$(printf '%s' "$ERR" | grep -c 'names no capital')" "1:1"
done_testing
