#!/bin/sh
# sitrep count's fast paths (src/query/count_fast.c: actor fields from the
# index, few-valued fields from event_count) against the general query,
# `sitrep list FILTER`'s rows, on the hard cases: an event naming two of an
# actor's sub-units or names, an actor in two roles, context events, the
# bundled layer added with --with-context, an update that changes an actor
# and the counted fields, --replace back to an older snapshot, a file
# without the counts (older, read-only) and one written by another tool.
# The ACLED file is synthetic, written here (ids MLI900..MLI904).
. "$SRCDIR/tests/lib.sh"
plan 12

db=$TMP/counts.db
header='event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'
# row ID DATE TIME_PRECISION DISORDER TYPE SUBTYPE ACTOR1 ASSOC1 INTER1 ACTOR2 INTER2 CIVILIANS GEO TIMESTAMP
row() {
	printf '%s,%s,2020,%s,%s,%s,%s,%s,%s,%s,%s,,%s,%s%s,%s,466,Western Africa,Mali,Mopti,Mopti,Mopti,Sevare,14.5,-4.1,%s,Synthetic Press,National,[synthetic] test event,1,,%s\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11}" "$9" "${11}" \
		"${12}" "${13}" "${14}"
}
# rows V: the file, V=1 or the newer V=2, in which MLI901's side changes
# (JNIM to Katiba Macina, inter1 2 to 3, civilians now targeted, known only
# to the month) and MLI904's disorder type.
rows() {
	echo "$header"
	# JNIM under two of its names (actor1 and associate): one event
	row MLI900 2020-03-01 1 'Political violence' 'Violence against civilians' Attack \
		'JNIM: Group for Support of Islam and Muslims' GSIM 2 'Civilians (Mali)' 7 \
		'Civilian targeting' 1 1600000000
	if [ "$1" = 1 ]; then
		row MLI901 2020-03-02 1 'Political violence' Battles 'Armed clash' JNIM '' 2 \
			'Military Forces of Mali (2021-)' 1 '' 2 1600000000
	else
		row MLI901 2020-03-02 3 'Political violence' Battles 'Armed clash' \
			'Katiba Macina' '' 3 'Military Forces of Mali (2021-)' 1 \
			'Civilian targeting' 3 1700000000
	fi
	row MLI902 2020-03-03 2 'Strategic developments' 'Strategic developments' Agreement \
		JNIM '' 2 '' 0 '' 3 1600000000
	row MLI903 2020-03-04 3 'Political violence' Battles 'Armed clash' \
		'Military Forces of Mali (2021-)' '' 1 'Katiba Macina' 2 '' 1 1600000000
	if [ "$1" = 1 ]; then
		row MLI904 2020-03-05 1 Demonstrations Protests 'Peaceful protest' \
			'Protesters (Mali)' '' 6 '' 0 '' 2 1600000000
	else
		row MLI904 2020-03-05 1 'Political violence' Protests 'Peaceful protest' \
			'Protesters (Mali)' '' 6 '' 0 '' 2 1700000000
	fi
}
rows 1 >"$TMP/v1.csv"
rows 2 >"$TMP/v2.csv"

filters='actor:JNIM
actor:=JNIM
actor:GSIM
actor:AQIM
actor:"Katiba Macina"
actor:Civilians
actor:FAMa
actor1:JNIM
actor2:JNIM
assoc:JNIM
assoc:GSIM
actor1:"Katiba Macina"|JNIM
actor:nosuchactor
inter1:2
inter1:2|2|3
inter1:*
inter2:7
inter2:0
disorder:"Strategic developments"
disorder:pol*
civilians:yes
civilians:no
geo_precision:1
geo_precision:3
precision:day
precision:range
precision:month
precision:year
precision:day|month'

# agree DESC ARGS...: every filter's count is the number of rows `list`
# gives, both with ARGS; the ones that differ are named.
agree() {
	desc=$1
	shift
	bad=
	while IFS= read -r f; do
		c=$("$SITREP" count "$@" "$f" 2>&1)
		l=$("$SITREP" list --format tsv "$@" "$f" | awk 'END { print NR - 1 }')
		[ "$c" = "$l" ] || bad="$bad [$f: count $c, list $l]"
	done <<EOF_FILTERS
$filters
EOF_FILTERS
	if [ -z "$bad" ]; then pass "$desc"; else fail "$desc" "$bad"; fi
}
kept() { sqlite3 "$db" "SELECT (SELECT id FROM event_count_to) = (SELECT max(id) FROM event)"; }

agree "the bundled data set: sub-units and events naming two of them" --db "$SITREP_DB"
"$SITREP" import --quiet --db "$db" "$TMP/v1.csv"
is "the import keeps the counts" "$(kept)" 1
agree "an imported file: an actor under two names, context events" --db "$db"
agree "with the bundled layer (--with-context)" --db "$db" --with-context
"$SITREP" import --quiet --db "$db" "$TMP/v2.csv"
agree "after an update that changes an actor and the counted fields" --db "$db"
"$SITREP" import --quiet --replace --db "$db" "$TMP/v1.csv"
agree "after --replace with the older snapshot" --db "$db"
"$SITREP" import --quiet --db "$db" "$TMP/v2.csv"
"$SITREP" import --quiet --db "$db" "$TMP/v2.csv" # unchanged: nothing moves
agree "after an update and an unchanged re-import" --db "$db"

# A file from before the counts: read-only, counted the slow way; its next
# import counts its events again.
sqlite3 "$db" "DROP TABLE event_count; DROP TABLE event_count_to"
chmod a-w "$db"
agree "a read-only file without the counts" --db "$db"
chmod u+w "$db"
"$SITREP" import --quiet --db "$db" "$TMP/v2.csv"
is "its next import adds them" "$(kept)" 1
agree "and they count right" --db "$db"

# Another tool adds an event: the counts are behind, and not trusted.
sqlite3 "$db" "INSERT INTO event (kind, date_start, date_end, date_precision, title,
	geo_precision, origin, origin_id, extra) SELECT kind, date_start, date_end,
	date_precision, title, geo_precision, origin, 'MLI999', extra FROM event
	WHERE origin_id = 'MLI900'"
is "an event another tool added leaves them behind" "$(kept)" 0
agree "and the count is the general one" --db "$db"
done_testing
