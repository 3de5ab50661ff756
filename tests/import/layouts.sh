#!/bin/sh
# The import readers' table (--format and --help come from it) and the
# small layout variants real files come in, each recognised rather than
# reported as bad rows, the summary naming the layout with its real
# column count. Every fixture below is synthetic: made-up events in the
# shape of the files named in its comment.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 26

# The current ACLED layout (31 columns), as ACLED's export tool writes it.
HDR=event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
ROW1='MLI8001,2023-01-02,2023,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of Mali (2021-),,State forces,Rebel group-State forces,,466,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,Studio Tamani,National,Synthetic: a clash.,3,,1673000000'
ROW2='MLI8002,2023-01-05,2023,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Mali),,Political militia,Civilians (Mali),,Civilians,Political militia-Civilians,Civilian targeting,466,Western Africa,Mali,Segou,Niono,Niono,Niono,14.25,-5.99,1,AFP,International,Synthetic: an attack.,1,,1673100000'

# ---- the table
run "$SITREP" import --help
like "help: lists every reader of the table" "$(printf '%s\n' "$OUT" | sed -n '/^Formats:/,/^$/p' | awk '{ print $1 }' | tr '\n' ' ')" \
	"^Formats: native places acled ucdp csv  $"
run "$SITREP" import --db "$TMP/x.db" --format xml "$TMP/none.csv"
is "bad --format: usage error" "$RC" 2
like "bad --format: names the table's formats" "$ERR" "expected auto, native, places, acled, ucdp, csv"
printf '%s\n%s\n' "$HDR" "$ROW1" >"$TMP/plain.csv"
run "$SITREP" import --db "$TMP/plain.db" --format ACLED "$TMP/plain.csv"
like "--format by the table's name, any case" "$OUT" "current ACLED layout \(disorder_type, 31 columns\)\): 1 read, 1 imported"

# ---- HDX: ACLED and UCDP files from data.humdata.org carry a second
# header line of HXL hashtags (#date, #adm1+name) under the names.
{
	echo "$HDR"
	echo '#event+code,#date,#date+year,#date+precision,#event+type+disorder,#event+type,#event+type+sub,#group+name+first,#group+name+first+assoc,#group+type+first,#group+name+second,#group+name+second+assoc,#group+type+second,#group+interaction,#group+civilians,#country+code,#region+name,#country+name,#adm1+name,#adm2+name,#adm3+name,#loc+name,#geo+lat,#geo+lon,#geo+precision,#meta+source,#meta+source+scale,#description,#affected+killed,#meta+tags,#date+updated'
	echo "$ROW1"
	echo "$ROW2"
} >"$TMP/hdx.csv"
run "$SITREP" import --db "$TMP/hdx.db" "$TMP/hdx.csv"
like "HXL tag row: not a bad row" "$OUT" ": 2 read, 2 imported, 0 updated, 0 unchanged, 0 skipped"
is "HXL tag row: no message" "$ERR" ""
is "HXL tag row: the rows after it read" "$(field "$TMP/hdx.db" MLI8002 admin1)" "Segou"

# ---- pandas: DataFrame.to_csv() without index=False writes the row
# index as a first column with an empty name.
{
	echo ",$HDR"
	echo "0,$ROW1"
	echo "1,$ROW2"
} >"$TMP/pandas.csv"
run "$SITREP" import --db "$TMP/pandas.db" "$TMP/pandas.csv"
like "pandas index: imported, the layout's columns counted" "$OUT" \
	"current ACLED layout \(disorder_type, 32 columns\)\): 2 read, 2 imported, 0 updated, 0 unchanged, 0 skipped"
is "pandas index: the row numbers are not kept as a field" \
	"$(field "$TMP/pandas.db" MLI8001 extra | grep -c '"":')" 0

# ---- the 2016 legacy names in lower case and another order (an R
# write.csv of a legacy file read with tolower(names)).
cat >"$TMP/lower.csv" <<'CSV'
event_date,event_id_cnty,gwno,event_id_no_cnty,year,time_precision,event_type,actor1,ally_actor_1,inter1,actor2,ally_actor_2,inter2,interaction,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities
02/03/2016,MLI8101,432,8101,2016,1,Battle-No change of territory,AQIM: Al Qaeda in the Islamic Maghreb,,2,Military Forces of Mali (2013-),MINUSMA,1,12,Mali,Tombouctou,Goundam,Tonka,Tonka,16.1,-3.2,1,AFP,Synthetic: a clash.,2
03/03/2016,MLI8102,432,8102,2016,1,Strategic development,Military Forces of Mali (2013-),,1,,,0,10,Mali,Gao,Gao,Gao,Gao,16.27,-0.04,1,RFI,Synthetic: a base set up.,0
CSV
run "$SITREP" import --db "$TMP/lower.db" "$TMP/lower.csv"
like "lower-case legacy: recognised as the legacy layout" "$OUT" \
	"ACLED legacy layout \(2016, lower case, 25 columns\)\): 2 read, 2 imported, 0 updated, 0 unchanged, 0 skipped"
is "lower-case legacy: ally_actor_2 is an associate" "$(field "$TMP/lower.db" MLI8101 assoc)" "MINUSMA"
is "legacy 'Strategic development' (singular): a context event" "$(field "$TMP/lower.db" MLI8102 kind)" "context"
is "legacy battle: an incident" "$(field "$TMP/lower.db" MLI8101 kind)" "incident"

# ---- dBASE: a shapefile's attribute table (ogr2ogr from an ACLED
# export) cuts names to ten characters, numbering a repeat (ASSOC_AC_1).
cat >"$TMP/dbase.csv" <<'CSV'
EVENT_ID_C,EVENT_DATE,YEAR,TIME_PRECI,DISORDER_T,EVENT_TYPE,SUB_EVENT_,ACTOR1,ASSOC_ACTO,INTER1,ACTOR2,ASSOC_AC_1,INTER2,INTERACTIO,CIVILIAN_T,ISO,REGION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECIS,SOURCE,SOURCE_SCA,NOTES,FATALITIES,TAGS,TIMESTAMP
BFO8201,2023-02-01,2023,2,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,Ansar al Islam,Rebel group,Military Forces of Burkina Faso (2022-),VDP: Volunteers for the Defense of the Homeland,State forces,Rebel group-State forces,,854,Western Africa,Burkina Faso,Sahel,Soum,Djibo,Djibo,14.1,-1.63,2,Lefaso.net,National,Synthetic: a clash.,5,,1675000000
CSV
run "$SITREP" import --db "$TMP/dbase.db" "$TMP/dbase.csv"
like "dBASE names: recognised" "$OUT" "current ACLED layout \(disorder_type, 31 columns\)\): 1 read, 1 imported"
is "dBASE names: GEO_PRECIS is geo_precision" "$(field "$TMP/dbase.db" BFO8201 geo_precision)" 2
is "dBASE names: TIME_PRECI is time_precision" \
	"$(field "$TMP/dbase.db" BFO8201 date_start)..$(field "$TMP/dbase.db" BFO8201 date_end)" \
	"2023-01-29..2023-02-04"
is "dBASE names: SUB_EVENT_ is sub_event_type" "$(field "$TMP/dbase.db" BFO8201 sub_event_type)" "Armed clash"
is "dBASE names: ASSOC_ACTO and ASSOC_AC_1 are the associates" "$(field "$TMP/dbase.db" BFO8201 assoc)" \
	"Ansar al Islam; VDP"
run "$SITREP" count --db "$TMP/dbase.db" 'interaction:"Rebel group-State forces"' disorder:"Political violence"
is "dBASE names: INTERACTIO and DISORDER_T found by interaction: and disorder:" "$OUT" 1

# ---- the 2019 export with data_id: a row whose event_id_cnty is empty
# (seen in exports of events being revised) is found by its data_id.
cat >"$TMP/dataid.csv" <<'CSV'
data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
6600001,466,,,12 March 2019,2019,1,Riots/Protests,Protesters (Mali),,6,,,0,60,Western Africa,Mali,Bamako,Bamako,Bamako,Bamako,12.65,-8.0,1,AFP,International,Synthetic: a protest.,0,1552400000,MLI
6600002,466,MLI8302,8302,13 March 2019,2019,1,Riots/Protests,Protesters (Mali),,6,,,0,60,Western Africa,Mali,Bamako,Bamako,Bamako,Bamako,12.65,-8.0,1,AFP,International,Synthetic: another protest.,0,1552500000,MLI
CSV
run "$SITREP" import --db "$TMP/dataid.db" "$TMP/dataid.csv"
like "empty event_id_cnty with a data_id: imported" "$OUT" \
	"ACLED 2019 export \(data_id, 30 columns\)\): 2 read, 2 imported, 0 updated, 0 unchanged, 0 skipped"
is "empty event_id_cnty: the data_id is its id" "$(field "$TMP/dataid.db" 6600001 date_start)" "2019-03-12"
run "$SITREP" import --db "$TMP/dataid.db" "$TMP/dataid.csv"
like "empty event_id_cnty: a re-import is unchanged" "$OUT" ": 2 read, 0 imported, 0 updated, 2 unchanged"
printf '%s\n%s\n' "$HDR" ',2023-01-02,2023,1,Political violence,Battles,Armed clash,JNIM,,Rebel group,,,,,,466,Western Africa,Mali,Mopti,Djenne,Djenne,Djenne,13.9,-4.55,1,AFP,National,Synthetic.,3,,1673000000' >"$TMP/noid.csv"
run "$SITREP" import --db "$TMP/noid.db" "$TMP/noid.csv"
like "no event_id_cnty and no data_id: still a bad row" "$ERR" "noid.csv:2: no event_id_cnty"

# ---- the HDX distribution of UCDP GED: the 42-column layout, iso3 added
# (43 columns), under an HXL tag row.
cat >"$TMP/ged-hdx.csv" <<'CSV'
id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,gwnoa,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high,iso3
#event+id,#date+year,#status+active,#event+type,#conflict+id,#conflict+name,#dyad+id,#dyad+name,#group+id+a,#country+code+a,#group+name+a,#group+id+b,#country+code+b,#group+name+b,#meta+sources,#meta+source+article,#meta+source+office,#meta+source+date,#meta+source+headline,#meta+source+original,#geo+precision,#loc+name,#adm1+name,#adm2+name,#geo+lat,#geo+lon,#geo+wkt,#geo+grid,#country+name,#country+code,#region+name,#meta+clarity,#date+precision,#date+start,#date+end,#affected+killed+a,#affected+killed+b,#affected+killed+civilians,#affected+killed+unknown,#affected+killed+low,#affected+killed+best,#affected+killed+high,#country+code+iso3
800001,2018,1,1,309,Mali: Government,411,Government of Mali - JNIM,112,432,Government of Mali,1227,,JNIM,1,"""AFP,2018-03-02,Synthetic headline""",AFP,2018-03-02,Synthetic headline,,1,Boni,Mopti region,Douentza cercle,15.05,-1.99,POINT (-1.99 15.05),,Mali,432,Africa,1,1,2018-03-01,2018-03-01,2,3,0,0,5,5,5,MLI
CSV
run "$SITREP" import --db "$TMP/ged.db" "$TMP/ged-hdx.csv"
like "HDX GED: named with its 43 columns" "$OUT" \
	"UCDP GED layout \(43 columns\)\): 1 read, 1 imported, 0 updated, 0 unchanged, 0 skipped"
is "HDX GED: no message" "$ERR" ""
is "HDX GED: iso3 kept" "$(field "$TMP/ged.db" 800001 extra | grep -o '"iso3":"MLI"')" '"iso3":"MLI"'
