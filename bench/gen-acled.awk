# bench/gen-acled.awk: a synthetic ACLED export in the current layout, N
# rows (awk -v n=1000000 -f gen-acled.awk). Deterministic. Text fields are
# quoted and some hold "" escapes, actor names use the "ABBR: Long name"
# form and semicolon lists, as real exports do; the values are made up.
BEGIN {
	srand(1)
	if (!n) n = 1000
	print "event_id_cnty,event_date,year,time_precision,disorder_type,event_type," \
	      "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2," \
	      "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3," \
	      "location,latitude,longitude,geo_precision,source,source_scale,notes," \
	      "fatalities,tags,timestamp"
	na = split("JNIM: Group for Support of Islam and Muslims|Islamic State (Sahel)|" \
		"Military Forces of Mali (2021-)|Wagner Group|Dozo Communal Militia (Mali)|" \
		"MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)|" \
		"CMA: Coordination of Movements of the Azawad|GATIA: Imghad Tuareg and Allies Self-Defense Group|" \
		"Unidentified Armed Group (Mali)|Military Forces of Burkina Faso (2022-)|" \
		"VDP: Volunteers for the Defense of the Homeland|Protesters (Mali)|Rioters (Mali)|" \
		"Police Forces of Mali (2021-)|Dan Na Ambassagou|Fulani Ethnic Militia (Mali)", actor, "|")
	nv = split("Civilians (Mali)|Civilians (Burkina Faso)|Civilians (Niger)|" \
		"Labour Group (Mali)|Health Workers (Mali)|Teachers (Mali)", victim, "|")
	nt = split("Battles;Armed clash|Violence against civilians;Attack|" \
		"Explosions/Remote violence;Remote explosive/landmine/IED|Protests;Peaceful protest|" \
		"Riots;Violent demonstration|Strategic developments;Looting/property destruction", type, "|")
	np = split("Bamako;Bamako|Mopti;Mopti|Gao;Gao|Timbuktu;Timbuktu|Segou;Niono|" \
		"Kidal;Kidal|Menaka;Menaka|Sikasso;Koutiala|Kayes;Nioro|Koulikoro;Kati", place, "|")
	ns = split("AFP|Reuters|Studio Tamani|Kibaru|Le Monde|Jeune Afrique|Twitter|Mali Web", src, "|")
	for (i = 1; i <= n; i++) {
		y = 1997 + int(rand() * 27); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
		split(type[1 + int(rand() * nt)], t, ";")
		split(place[1 + int(rand() * np)], p, ";")
		a1 = actor[1 + int(rand() * na)]
		a2 = rand() < 0.5 ? victim[1 + int(rand() * nv)] : actor[1 + int(rand() * na)]
		as = rand() < 0.2 ? actor[1 + int(rand() * na)] : ""
		s = src[1 + int(rand() * ns)]
		if (rand() < 0.4) s = s "; " src[1 + int(rand() * ns)]
		f = rand() < 0.6 ? 0 : int(rand() * 40)
		printf "MLI%d,%04d-%02d-%02d,%d,%d,Political violence,%s,%s,\"%s\",\"%s\",2," \
		       "\"%s\",,7,27,,466,Western Africa,Mali,%s,%s,,\"%s village %d\",%.4f,%.4f,%d," \
		       "%s,National,\"On %d/%d/%d, %s reportedly clashed with %s near the village " \
		       "of %s; \"\"%d\"\" people were reported killed according to local sources.\"," \
		       "%d,,%d\n", i, y, m, d, y, 1 + int(rand() * 2), t[1], t[2], a1, as, a2,
		       p[1], p[2], p[2], i % 997, 10 + rand() * 15, -12 + rand() * 16,
		       1 + int(rand() * 3), s, d, m, y, a1, a2, p[2], f, f, 1600000000 + i
	}
}
