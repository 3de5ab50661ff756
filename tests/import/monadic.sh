#!/bin/sh
# ACLED's one-row-per-actor ("monadic") exports: the rows of one event are
# merged, the first side as actor1, the second as actor2, each side's
# associates with it; the summary counts events; a re-import is unchanged.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 14

# The shape of ACLED's export tool with "monadic" chosen (2023-2024
# exports): the current layout less actor2, assoc_actor_2 and inter2, each
# event once per actor with the same event_id_cnty, the rows differing in
# actor1, assoc_actor_1 and inter1 alone. Synthetic events in that shape.
# MLI9001 has its two rows together, MLI9003 two rows apart (within one
# event_date, as a sort by date leaves them), BFO9002 one side only.
cat >"$TMP/monadic.csv" <<'CSV'
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
MLI9001,2024-03-02,2024,1,Political violence,Violence against civilians,Attack,JNIM: Group for Support of Islam and Muslims,,Rebel group,Rebel group-Civilians,Civilian targeting,466,Western Africa,Mali,Mopti,Bandiagara,Bandiagara,Diallassagou,13.9,-3.6,1,Studio Tamani,Subnational,Synthetic: an attack on villagers.,4,,1710000000
MLI9001,2024-03-02,2024,1,Political violence,Violence against civilians,Attack,Civilians (Mali),Farmers (Mali),Civilians,Rebel group-Civilians,Civilian targeting,466,Western Africa,Mali,Mopti,Bandiagara,Bandiagara,Diallassagou,13.9,-3.6,1,Studio Tamani,Subnational,Synthetic: an attack on villagers.,4,,1710000000
MLI9003,2024-03-05,2024,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),Wagner Group,State forces,State forces-Rebel group,,466,Western Africa,Mali,Segou,Niono,Dogofry,Dogofry,14.3,-5.8,1,AFP,International,Synthetic: a clash.,9,,1710100000
BFO9002,2024-03-05,2024,1,Strategic developments,Strategic developments,Agreement,Government of Burkina Faso (2022-),,State forces,State forces only,,854,Western Africa,Burkina Faso,Centre,Kadiogo,Ouagadougou,Ouagadougou,12.37,-1.53,1,Lefaso.net,National,Synthetic: an agreement.,0,,1710200000
MLI9003,2024-03-05,2024,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,Ansar Dine,Rebel group,State forces-Rebel group,,466,Western Africa,Mali,Segou,Niono,Dogofry,Dogofry,14.3,-5.8,1,AFP,International,Synthetic: a clash.,9,,1710100000
CSV
db=$TMP/m.db
run "$SITREP" import --db "$db" "$TMP/monadic.csv"
is "monadic: imported" "$RC" 0
like "monadic: named as such" "$OUT" "ACLED monadic export"
like "monadic: counts events, and the rows merged" "$OUT" \
	": 3 read, 3 imported, 0 updated, 0 unchanged, 0 skipped; 2 rows merged"
is "monadic: three events" "$(events "$db")" 3
is "adjacent rows: the first side is actor1" "$(field "$db" MLI9001 actor1)" "JNIM"
is "adjacent rows: the second side is actor2" "$(field "$db" MLI9001 actor2)" "Civilians (Mali)"
is "adjacent rows: the second side's associate" "$(field "$db" MLI9001 assoc)" "Farmers (Mali)"
is "rows apart: both sides" "$(field "$db" MLI9003 actor1) / $(field "$db" MLI9003 actor2)" \
	"Military Forces of Mali (2021-) / JNIM"
is "one side only: actor1 and no actor2" \
	"$(field "$db" BFO9002 actor1)/$(field "$db" BFO9002 actor2)" "Government of Burkina Faso (2022-)/"
# In the export the associates stay with their side, and each side its inter code.
"$SITREP" export --db "$db" --format acled >"$TMP/out.csv"
row=$(grep '^MLI9003,' "$TMP/out.csv")
like "export: each side with its own associates" "$row" \
	",Military Forces of Mali \(2021-\),Wagner Group,State forces,JNIM: Group for Support of Islam and Muslims,Ansar Dine,Rebel group,"
before=$(digest "$db")
run "$SITREP" import --db "$db" "$TMP/monadic.csv"
like "re-import: unchanged" "$OUT" ": 3 read, 0 imported, 0 updated, 3 unchanged, 0 skipped"
is "re-import: the same content" "$(digest "$db")" "$before"
# The dyadic export of the monadic file reads back as the same events.
run "$SITREP" import --db "$TMP/back.db" "$TMP/out.csv"
is "its export reads back: both sides" "$(field "$TMP/back.db" MLI9001 actor1) / $(field "$TMP/back.db" MLI9001 actor2)" \
	"JNIM / Civilians (Mali)"
# Every event has both its sides: the rows' actors, none lost.
is "every row's actor is on its event" \
	"$(sqlite3 "$db" "SELECT count(*) FROM event_actor WHERE role IN ('actor1','actor2')")" 5
done_testing
