#!/bin/sh
# The newest version of an event wins, not the last file imported: by
# ACLED's timestamp, else the UCDP GED version, else import order; the
# summary counts the rows kept out; --replace takes them anyway; the
# columns only a newer layout has are never lost.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 16

F=$SRCDIR/tests/fixtures
# Two snapshots of one ACLED event in the current layout (31 columns, as in
# the exports of 2023-2024: `timestamp` is when ACLED last changed the row,
# in seconds since 1970); the 2023 snapshot revised the figure and the
# notes. Synthetic event.
head=event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
row() { # FATALITIES NOTES TIMESTAMP
	echo "MLI9101,2022-05-02,2022,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,Military Forces of Mali (2021-),,1,12,,466,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,AFP,International,$2,$1,,$3"
}
{ echo "$head"; row 12 "Synthetic: a clash; revised figure." 1690000000; } >"$TMP/new.csv"
{ echo "$head"; row 5 "Synthetic: a clash." 1652000000; } >"$TMP/old.csv"
db=$TMP/a.db
"$SITREP" import --db "$db" "$TMP/new.csv" >/dev/null
before=$(digest "$db")
run "$SITREP" import --db "$db" "$TMP/old.csv"
is "older snapshot after newer: imported" "$RC" 0
like "older snapshot: counted as kept out" "$OUT" \
	": 1 read, 0 imported, 0 updated, 0 unchanged, 0 skipped; 1 older than the version stored, kept out"
is "older snapshot: nothing reverted" "$(digest "$db")" "$before"
is "older snapshot: the newer figure stays" "$(field "$db" MLI9101 fatalities)" 12
run "$SITREP" import --db "$db" "$TMP/old.csv"
like "older snapshot again: still kept out" "$OUT" "; 1 older than the version stored"
# In the order the snapshots came out, the newer replaces the older.
"$SITREP" import --db "$TMP/b.db" "$TMP/old.csv" >/dev/null
run "$SITREP" import --db "$TMP/b.db" "$TMP/new.csv"
like "newer after older: updated" "$OUT" ": 1 read, 0 imported, 1 updated, 0 unchanged"
is "newer after older: the newer figure" "$(field "$TMP/b.db" MLI9101 fatalities)" 12
run "$SITREP" import --db "$db" --replace "$TMP/old.csv"
like "--replace: the older row replaces the event" "$OUT" ": 1 read, 0 imported, 1 updated"
is "--replace: the older figure" "$(field "$db" MLI9101 fatalities)" 5

# No version on either side (the 2019 export has `timestamp`, the 2016
# legacy layout none): import order, as before; but what only the newer
# layout has (disorder_type, tags, source_scale) stays in the event's extra.
{ echo "$head"; row 12 "Synthetic: a clash; revised figure." 1690000000 | sed 's/,1690000000$/,/; s/,International,/,International,/; s/,2022,1,,/,2022,1,,/'; } >"$TMP/nots.csv"
printf '%s\n' "EVENT_ID_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES" \
	"MLI9101,02/05/2022,2022,1,Battle-No change of territory,JNIM: Group for Support of Islam and Muslims,,2,Military Forces of Mali (2021-),,1,12,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,AFP,Synthetic: a clash.,5" >"$TMP/legacy.csv"
"$SITREP" import --db "$TMP/c.db" "$TMP/nots.csv" >/dev/null
run "$SITREP" import --db "$TMP/c.db" "$TMP/legacy.csv"
like "no versions: the later import wins" "$OUT" ": 1 read, 0 imported, 1 updated"
is "no versions: its figure" "$(field "$TMP/c.db" MLI9101 fatalities)" 5
like "no versions: the newer layout's columns kept" "$(field "$TMP/c.db" MLI9101 extra)" \
	'"disorder_type":"Political violence".*"source_scale":"International"'
run "$SITREP" import --db "$TMP/c.db" "$TMP/legacy.csv"
like "no versions: the same file again is unchanged" "$OUT" ": 1 read, 0 imported, 0 updated, 1 unchanged"

# UCDP GED: the version is in the file's name (ged191.csv, GEDEvent_v23_1.csv);
# GED 23.1 revised the best estimate of an event of GED 22.1.
sed 's/,132,150,120,432,$/,140,150,120,432,/' "$F/ged-49col.csv" >"$TMP/GEDEvent_v23_1.csv"
cp "$F/ged-49col.csv" "$TMP/ged221.csv"
"$SITREP" import --db "$TMP/u.db" "$TMP/GEDEvent_v23_1.csv" >/dev/null
run "$SITREP" import --db "$TMP/u.db" "$TMP/ged221.csv"
like "ged 22.1 after 23.1: the older version kept out" "$OUT" \
	": 2 read, 0 imported, 0 updated, 1 unchanged, 0 skipped; 1 older"
is "ged 22.1 after 23.1: the 23.1 figure stays" "$(field "$TMP/u.db" 500001 fatalities)" 140
"$SITREP" import --db "$TMP/w.db" "$TMP/ged221.csv" >/dev/null
run "$SITREP" import --db "$TMP/w.db" "$TMP/GEDEvent_v23_1.csv"
is "ged 23.1 after 22.1: updated" "$(field "$TMP/w.db" 500001 fatalities)" 140
done_testing
