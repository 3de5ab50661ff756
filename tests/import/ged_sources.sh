#!/bin/sh
# UCDP GED's older source shapes: publisher and date taken out where they
# are there, so source:Reuters and source:SATP find them; the space after
# the comma of a GED title trimmed; source_original is who the news came
# from, not a figure of the source. The fixture is synthetic: made-up
# events in GED 19.1's 42 columns, the source_article entries in the shapes
# GED 19.1's older rows use (`Reuters 1989-05-17 "HEADLINE`, `Reuters
# (1989-10-01): "HEADLINE".`, `SATP`, `The News 14/6`).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 12

H=id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,gwnoa,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high
# tail TEXT: the columns after source_article for a Mali event on DATE.
tail() {
	printf '%s,,,,%s,1,Gao,Gao region,Gao cercle,16.27,-0.04,POINT (-0.04 16.27),,Mali,432,Africa,1,1,%s,%s,1,1,0,0,2,2,2' "" "$1" "$2" "$2"
}
{
	echo "$H"
	echo "900001,1989,1,1,1,Mali: Azawad,1,Government of Mali - MPLA,1,432,Government of Mali,2,,MPLA,1,\"Reuters 1989-05-17 \"\"REBELS ATTACK POST\"$(tail 'local residents' 1989-05-16)"
	echo "900005,1989,1,1,1,Mali: Azawad,1,Government of Mali - MPLA,1,432,Government of Mali,2,,MPLA,1,\"Reuters (1989-10-01): \"\"SECOND ATTACK\"\".\"$(tail '' 1989-09-30)"
	echo "900002,2004,1,1,1,Mali: Azawad,1,Government of Mali - MPLA,1,432,Government of Mali,2,,MPLA,1,SATP$(tail 'police spokesman' 2004-06-12)"
	echo "900003,2004,1,1,1,Mali: Azawad,1,Government of Mali - MPLA,1,432,Government of Mali,2,,MPLA,1,The News 14/6$(tail '' 2004-06-12)"
	echo "900004,2015,1,1,1,Mali: Azawad,1,Government of Mali - MPLA,1,432,Government of Mali,2,,MPLA,1,\"\"\"Studio Tamani,2015-07-09, Clash near Gao\"\"\"$(tail '' 2015-07-08)"
} >"$TMP/ged-old.csv"
db=$TMP/g.db
run "$SITREP" import --db "$db" "$TMP/ged-old.csv"
like "imported" "$OUT" ": 5 read, 5 imported, 0 updated, 0 unchanged, 0 skipped"
q() { sqlite3 -separator '|' "$db" "SELECT s.publisher, s.published, s.title FROM source s JOIN event e ON e.id = s.event_id WHERE e.origin_id = '$1' ORDER BY s.rowid"; }
is "Reuters DATE \"HEADLINE" "$(q 900001)" "Reuters|1989-05-17|REBELS ATTACK POST"
is "Reuters (DATE): \"HEADLINE\"." "$(q 900005)" "Reuters|1989-10-01|SECOND ATTACK"
is "a publisher alone" "$(q 900002)" "SATP||"
is "day/month: the event's year" "$(q 900003)" "The News|2004-06-14|"
is "the space after the comma trimmed" "$(q 900004)" "Studio Tamani|2015-07-09|Clash near Gao"
run "$SITREP" count --db "$db" source:Reuters
is "source:Reuters finds them" "$OUT" 2
run "$SITREP" count --db "$db" source:SATP
is "source:SATP finds it" "$OUT" 1
run "$SITREP" show --db "$db" ucdp:900002
unlike "source_original: not a figure of the source" "$OUT" "its figure"
like "source_original: kept as the original source" "$OUT" "source_original +police spokesman"
is "source_article kept as written where it was another shape" \
	"$(field "$db" 900003 extra | grep -o '"source_article":"[^"]*"')" '"source_article":"The News 14/6"'
run "$SITREP" import --db "$db" "$TMP/ged-old.csv"
like "a re-import: unchanged" "$OUT" ": 5 read, 0 imported, 0 updated, 5 unchanged"
