#!/bin/sh
# The import readers' table (--format and --help come from it) and the
# small layout variants real files come in, each recognised rather than
# reported as bad rows, the summary naming the layout with its real
# column count. Every fixture below is synthetic: made-up events in the
# shape of the files named in its comment.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 4

# The current ACLED layout (31 columns), as ACLED's export tool writes it.
HDR=event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
ROW1='MLI8001,2023-01-02,2023,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of Mali (2021-),,State forces,Rebel group-State forces,,466,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,Studio Tamani,National,Synthetic: a clash.,3,,1673000000'
ROW2='MLI8002,2023-01-05,2023,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Mali),,Political militia,Civilians (Mali),,Civilians,Political militia-Civilians,Civilian targeting,466,Western Africa,Mali,Segou,Niono,Niono,Niono,14.25,-5.99,1,AFP,International,Synthetic: an attack.,1,,1673100000'

# ---- the table
run "$SITREP" import --help
like "help: lists every reader of the table" "$(printf '%s\n' "$OUT" | sed -n '/^Formats:/,/^$/p' | awk '{ print $1 }' | tr '\n' ' ')" \
	"^Formats: native places acled ucdp  $"
run "$SITREP" import --db "$TMP/x.db" --format xml "$TMP/none.csv"
is "bad --format: usage error" "$RC" 2
like "bad --format: names the table's formats" "$ERR" "expected auto, native, places, acled, ucdp"
printf '%s\n%s\n' "$HDR" "$ROW1" >"$TMP/plain.csv"
run "$SITREP" import --db "$TMP/plain.db" --format ACLED "$TMP/plain.csv"
like "--format by the table's name, any case" "$OUT" "current ACLED layout \(disorder_type, 31 columns\)\): 1 read, 1 imported"

