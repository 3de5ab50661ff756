#!/bin/sh
# A re-imported row that differs from its event writes only what differs
# (src/store/event_update.c): a row that changes only a figure, only the
# notes, only an actor, only a source or only the date is each seen
# afterwards by show, list, count and free text, and the parts it did not
# change are as they were.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 30

# ACLED's current layout (31 columns); ACLED's `timestamp` grows with each
# revision. Synthetic events.
head=event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
row() { # ID DATE ACTOR2 SOURCE NOTES FATALITIES TIMESTAMP
	echo "$1,$2,2022,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,$3,,1,12,,466,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,$4,International,$5,$6,,$7"
}
mali="Military Forces of Mali (2021-)"
base() { # the six events as first imported, then the rows given instead
	echo "$head"
	for id in 1 2 3 4 5 6; do
		eval "r=\${r$id:-}"
		if [ -n "$r" ]; then echo "$r"
		else row MLI920$id 2022-05-0$id "$mali" AFP "Synthetic: a clash at Djenne." 12 1690000000
		fi
	done
}
db=$TMP/u.db
base >"$TMP/a.csv"
"$SITREP" import --db "$db" "$TMP/a.csv" >/dev/null
r1=$(row MLI9201 2022-05-01 "$mali" AFP "Synthetic: a clash at Djenne." 15 1690000001)
r2=$(row MLI9202 2022-05-02 "$mali" AFP "Synthetic: a clash at Djenne near the zebracorn well." 12 1690000001)
r3=$(row MLI9203 2022-05-03 "Wagner Group" AFP "Synthetic: a clash at Djenne." 12 1690000001)
r4=$(row MLI9204 2022-05-04 "$mali" "Reuters" "Synthetic: a clash at Djenne." 12 1690000001)
r5=$(row MLI9205 2022-06-05 "$mali" AFP "Synthetic: a clash at Djenne." 12 1690000001)
# an actor and a source added, none taken away
r6=$(row MLI9206 2022-05-06 "$mali" "AFP; Kibaru" "Synthetic: a clash at Djenne." 12 1690000001 |
	sed 's/ Muslims,,2,/ Muslims,Dozo Communal Militia (Mali),2,/')
base >"$TMP/b.csv"
run "$SITREP" import --db "$db" "$TMP/b.csv"
like "six rows changed: six updated" "$OUT" ": 6 read, 0 imported, 6 updated, 0 unchanged"

# only a figure
like "a figure: show has it" "$("$SITREP" show --db "$db" MLI9201)" "fatalities +15"
is "a figure: counted by it" "$("$SITREP" count --db "$db" fatalities:15)" 1
like "a figure: list shows it" "$("$SITREP" list --db "$db" fatalities:15)" " 15 Armed clash"
is "a figure: its text still found" "$("$SITREP" count --db "$db" djenne)" 6
# only the notes
like "the notes: show has them" "$("$SITREP" show --db "$db" MLI9202)" "zebracorn well"
is "the notes: free text finds the new word" "$("$SITREP" count --db "$db" zebracorn)" 1
like "the notes: list finds it" "$("$SITREP" list --db "$db" zebracorn)" "2022-05-02"
is "the notes: and its words kept" "$("$SITREP" count --db "$db" '"clash at Djenne"')" 6
# only an actor
like "an actor: show has it" "$("$SITREP" show --db "$db" MLI9203)" "actor2 +Wagner Group"
is "an actor: actor: finds it" "$("$SITREP" count --db "$db" actor:Wagner)" 1
is "an actor: actor2: finds it" "$("$SITREP" count --db "$db" actor2:Wagner)" 1
is "an actor: free text finds its name" "$("$SITREP" count --db "$db" wagner)" 1
is "an actor: free text no longer finds the one it replaced" \
	"$("$SITREP" count --db "$db" military)" 5
is "an actor: the one it replaced is gone" \
	"$("$SITREP" count --db "$db" "actor2:Military Forces of Mali (2021-)")" 5
like "an actor: list shows it" "$("$SITREP" list --db "$db" actor:Wagner)" "Wagner"
is "an actor: one actor1 and one actor2 an event" \
	"$(sqlite3 "$db" "SELECT count(*) FROM event_actor WHERE role IN ('actor1', 'actor2')")" 12
is "an actor added: assoc: finds it" "$("$SITREP" count --db "$db" assoc:Dozo)" 1
like "an actor added: show has it" "$("$SITREP" show --db "$db" MLI9206)" "assoc +Dozo"
# only a source
like "a source: show has it" "$("$SITREP" show --db "$db" MLI9204)" "Reuters"
is "a source: source: finds it" "$("$SITREP" count --db "$db" source:Reuters)" 1
is "a source: the one it replaced is gone" "$("$SITREP" count --db "$db" source:AFP)" 5
is "a source added: source: finds it" "$("$SITREP" count --db "$db" source:Kibaru)" 1
is "a source: one source an event, two for the one added to" \
	"$(sqlite3 "$db" "SELECT count(*) FROM source")" 7
# only the date
is "the date: found by it" "$("$SITREP" count --db "$db" date:2022-06-05)" 1
is "the date: the per-day counts follow" \
	"$(sqlite3 "$db" "SELECT group_concat(date_start || '=' || events, ' ') FROM event_day")" \
	"2022-05-01=1 2022-05-02=1 2022-05-03=1 2022-05-04=1 2022-05-06=1 2022-06-05=1"

is "the full-text index agrees with the table" \
	"$(sqlite3 "$db" "INSERT INTO event_fts (event_fts, rank) VALUES ('integrity-check', 1); PRAGMA integrity_check")" ok
run "$SITREP" import --db "$db" "$TMP/b.csv"
like "the same file again: unchanged" "$OUT" ": 6 read, 0 imported, 0 updated, 6 unchanged"
# back to the first file, each part the other way (--replace: it is older)
run "$SITREP" import --db "$db" --replace "$TMP/a.csv"
is "and back: every event as first imported" "$(sqlite3 "$db" "SELECT group_concat(fatalities || actor_names, '|') FROM event")" \
	"$("$SITREP" import --db "$TMP/first.db" "$TMP/a.csv" >/dev/null; sqlite3 "$TMP/first.db" "SELECT group_concat(fatalities || actor_names, '|') FROM event")"
# (but for the count of updates the file keeps, in its @meta block)
content() { "$SITREP" export --db "$1" --format native | sed '/^@meta/,/^$/d'; }
is "and back: the same content as a first import" "$(content "$db")" "$(content "$TMP/first.db")"
done_testing
