#!/bin/sh
# An alias that holds in some countries alone (data/actor-aliases.txt,
# "in:"): UCDP GED names the Islamic State "IS" in every country, and in
# the Sahel that is its Sahel branch, ISGS. A GED file with "IS" in Mali,
# Niger and Bangladesh: the Sahel's events are ISGS's (found by actor:ISGS
# and its aliases, the name as written kept in the event's extra fields),
# Bangladesh's stay the actor "IS", and the order of the rows does not
# matter (the importer's name cache keys such names by country).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 11

db=$TMP/is.db
ged=$TMP/ged-is.csv
# SYNTHETIC rows in the shape of UCDP GED 19.1's 42 columns (its header,
# ../shared/testdata/ucdp-ged-19.1): made-up events, not records.
{
	echo 'id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,gwnoa,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high'
	echo '900001,2019,1,1,1,Bangladesh: Islamic State,1,Government of Bangladesh - IS,1,771,Government of Bangladesh,2,,IS,1,"""Wire,2019-03-01,Synthetic headline one""",,,,,1,Dhaka,Dhaka division,,23.7,90.4,,,Bangladesh,771,Asia,1,1,2019-03-01,2019-03-01,0,1,0,0,1,1,1'
	echo '900002,2019,1,3,2,IS - Civilians,2,IS - Civilians,2,,IS,3,,Civilians,1,"""Wire,2019-11-02,Synthetic headline two""",,,,,1,Menaka,Menaka region,,15.9,2.4,,,Mali,432,Africa,1,1,2019-11-02,2019-11-02,0,0,3,0,3,3,3'
	echo '900003,2019,1,1,3,Niger: Islamic State,3,Government of Niger - IS,4,436,Government of Niger,2,,IS,1,"""Wire,2019-12-10,Synthetic headline three""",,,,,1,Inates,Tillaberi,,15.0,1.5,,,Niger,436,Africa,1,1,2019-12-10,2019-12-10,5,0,0,0,5,5,5'
	echo '900004,2019,1,1,1,Bangladesh: Islamic State,1,Government of Bangladesh - IS,1,771,Government of Bangladesh,2,,IS,1,"""Wire,2019-12-20,Synthetic headline four""",,,,,1,Dhaka,Dhaka division,,23.7,90.4,,,Bangladesh,771,Asia,1,1,2019-12-20,2019-12-20,0,1,0,0,1,1,1'
} >"$ged"

run "$SITREP" import --db "$db" "$ged"
is "the file imports" "$RC" 0
is "IS in Mali is ISGS" "$(field "$db" 900002 actor1)" "ISGS"
is "IS in Niger is ISGS" "$(field "$db" 900003 actor2)" "ISGS"
is "IS in Bangladesh stays IS (met before the Sahel's)" "$(field "$db" 900001 actor2)" "IS"
is "IS in Bangladesh stays IS (met after the Sahel's)" "$(field "$db" 900004 actor2)" "IS"
run "$SITREP" count --db "$db" actor:ISGS
is "actor:ISGS finds the Sahel's two" "$OUT" 2
run "$SITREP" count --db "$db" actor:EIGS
is "and so does its alias EIGS" "$OUT" 2
run "$SITREP" count --db "$db" actor:IS
is "actor:IS finds Bangladesh's two" "$OUT" 2
like "the name as written stays with the Sahel's event" \
	"$("$SITREP" show --db "$db" ucdp:900002)" 'side_a.*IS'
# "IS" is no alias of ISGS: were it one, Bangladesh's IS would be ISGS too
run sqlite3 "$db" "SELECT count(*) FROM actor_alias WHERE folded = 'is'"
is "IS names one actor, the Islamic State's own" "$OUT" 1
run "$SITREP" import --db "$db" "$ged"
like "a re-import changes nothing" "$OUT" "4 unchanged"
