#!/bin/sh
# Nothing cut: every source of a row is kept (events with 23, 38 and 44
# sources exist), every actor of a list, and the source text as the file
# wrote it when its sources cannot give it back, so the export writes it.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 8

F=$SRCDIR/tests/fixtures
# ACLED current layout (as acled-excel-bom.csv, 31 columns); the source
# list of a row in the shape of ACLED's events reported by dozens of outlets
# ("A; B; ...", 44 of them), and one written without the space after ';'
# and with a publisher twice, as hand-edited exports have it. Synthetic.
srcs=$(awk 'BEGIN { for (i = 1; i <= 44; i++) printf "%sOutlet %d", (i > 1 ? "; " : ""), i }')
acts=$(awk 'BEGIN { for (i = 1; i <= 30; i++) printf "%sMilitia %d", (i > 1 ? "; " : ""), i }')
{
	head -1 "$F/acled-excel-bom.csv"
	echo "MLI9201,2023-01-05,2023,1,Battles,Armed clash,JNIM,$acts,2,Military Forces of Mali (2021-),,1,12,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,$srcs,National,Synthetic: many sources.,3,1673000000"
	echo "MLI9202,2023-01-06,2023,1,Battles,Armed clash,JNIM,,2,Military Forces of Mali (2021-),,1,12,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,Studio Tamani;AFP;  AFP,National,Synthetic: odd list.,1,1673000001"
} >"$TMP/many.csv"
db=$TMP/s.db
run "$SITREP" import --db "$db" "$TMP/many.csv"
like "imported" "$OUT" ": 2 read, 2 imported"
is "44 sources, none cut" "$(sqlite3 "$db" "SELECT count(*) FROM source s JOIN event e ON e.id = s.event_id WHERE origin_id = 'MLI9201'")" 44
is "31 actors, none cut" "$(sqlite3 "$db" "SELECT count(*) FROM event_actor a JOIN event e ON e.id = a.event_id WHERE origin_id = 'MLI9201'")" 32
is "a list the sources give back is not kept twice" "$(sqlite3 "$db" "SELECT json_extract(extra, '\$.source') FROM event WHERE origin_id = 'MLI9201'")" ""
is "the list as written is kept" "$(sqlite3 "$db" "SELECT json_extract(extra, '\$.source') FROM event WHERE origin_id = 'MLI9202'")" "Studio Tamani;AFP;  AFP"
"$SITREP" export --db "$db" --format acled >"$TMP/out.csv"
like "the export writes it back as written" "$(grep '^MLI9202,' "$TMP/out.csv")" ",Studio Tamani;AFP;  AFP,"
# UCDP GED: 40 articles in source_article; a list in another shape (no
# quotes, GED 19.1's older rows) is kept as written.
arts=$(awk 'BEGIN { for (i = 1; i <= 40; i++) printf "%s\"\"Outlet %d,2022-06-%02d,Headline %d\"\"", (i > 1 ? ";" : ""), i, i % 28 + 1, i }')
{
	head -1 "$F/ged-49col.csv"
	sed -n 2p "$F/ged-49col.csv" | sed "s|\"\"\"Studio Tamani,2022-06-20,Attaque contre des civils a Diallassagou\"\"\"|\"$arts\"|"
	sed -n 3p "$F/ged-49col.csv" | sed 's|"""AFP,2022-07-30,Attack on Kati camp"""|AFP 2022-07-30 Attack on Kati camp|'
} >"$TMP/ged.csv"
run "$SITREP" import --db "$TMP/g.db" "$TMP/ged.csv"
is "ged: 40 sources, none cut" "$(sqlite3 "$TMP/g.db" "SELECT count(*) FROM source s JOIN event e ON e.id = s.event_id WHERE origin_id = '500001'")" 40
is "ged: another shape kept as written" "$(sqlite3 "$TMP/g.db" "SELECT json_extract(extra, '\$.source_article') FROM event WHERE origin_id = '500002'")" "AFP 2022-07-30 Attack on Kati camp"
done_testing
