#include "config.h"
/* Query builder cases: filter text -> the SQL over "e" and its bound values,
 * against a small in-memory database (actors with affiliates, a few events,
 * places with repeated names). Every valid case must also prepare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "filter_resolve.h"
#include "sitrep/sqlfrag.h"

static const char fixture[] =
    "INSERT INTO actor (id, name, parent_id) VALUES (5, 'al-Qaeda', NULL),"
    " (1, 'JNIM', 5), (2, 'Katiba Macina', 1), (3, 'Ansar Dine', 1), (4, 'Wagner Group', NULL);"
    "INSERT INTO actor_alias VALUES ('al-qaeda', 'al-Qaeda', 5), ('jnim', 'JNIM', 1),"
    " ('gsim', 'GSIM', 1), ('katiba macina', 'Katiba Macina', 2),"
    " ('ansar dine', 'Ansar Dine', 3), ('wagner group', 'Wagner Group', 4);"
    "INSERT INTO event (id, kind, date_start, date_end, date_precision, title, event_type,"
    " sub_event_type, location, admin1, admin2, country, origin, origin_id) VALUES"
    " (1, 'incident', '2021-12-01', '2021-12-31', 'month', 'a', 'Battles', 'Armed clash',"
    "  'Ségou', 'Ségou', 'Ségou', 'Mali', 'sitrep', '1'),"
    " (2, 'incident', '2023-01-02', '2023-01-02', 'day', 'b', 'Explosions/Remote violence',"
    "  'Suicide bomb', 'Kassela', 'Koulikoro', 'Kati', 'Mali', 'sitrep', '2'),"
    " (3, 'context', '2022-08-15', '2022-08-15', 'day', 'c', NULL, NULL,"
    "  'Bamako', 'Bamako', NULL, 'Mali', 'acled', 'X1'),"
    " (4, 'incident', '2023-01-09', '2023-01-09', 'day', 'd', 'Battles', NULL,"
    "  'Sébékoro', 'Kayes', 'Kita', 'Mali', 'sitrep', '4');"
    "INSERT INTO source (event_id, publisher, url) VALUES (2, 'APA', 'https://apanews.net/x'),"
    " (2, 'Dakaractu', 'https://www.dakaractu.com/y');"
    "INSERT INTO place (name, folded, kind, admin1, lat, lon, population) VALUES"
    " ('Bamako', 'bamako', 'city', 'Bamako', 12.649319, -8.000337, 1809106),"
    " ('Kati', 'kati', 'town', 'Koulikoro', 12.738274, -8.071805, NULL),"
    " ('Kati', 'kati', 'hamlet', 'Tombouctou', 16.115813, -3.7262, NULL),"
    " ('Twin', 'twin', 'village', 'Kayes', 14.0, -10.0, NULL),"
    " ('Twin', 'twin', 'village', 'Mopti', 14.5, -4.0, NULL);";

struct scase {
	const char *text;
	const char *sql;   /* NULL: an error */
	const char *binds; /* "T:x I:1 R:2.5", or the error message */
};

#define FTS         "e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
#define FATAL(cond) "e.id IN (SELECT id FROM event WHERE " cond ")"
/* Every event here ends on or after its start: see emit_dates. */
#define SINCE "(e.date_start >= ? OR e.date_end >= ?) AND e.date_start >= ?"
#define ACTORS(list)                                                                               \
	"e.id IN (SELECT ea.event_id FROM event_actor ea WHERE ea.actor_id IN (" list "))"

static const struct scase cases[] = {
    {"", "", ""},
    {"kind:incident", "e.kind = 'incident'", ""},
    /* A literal: the context index is partial (see emit_value). */
    {"kind:c", "e.kind = 'context'", ""},
    {"kind:i|c", "(e.kind = 'incident' OR e.kind = 'context')", ""},
    {"id:5", "e.id = ?", "I:5"},
    {"id:1..10", "e.id BETWEEN ? AND ?", "I:1 I:10"},
    {"id>100", "e.id >= ?", "I:101"},
    {"id:MLI2665", "e.origin_id = ?", "T:MLI2665"},
    {"id:UCDP:209980", "(e.origin_id = ? OR (e.origin_id = ? AND e.origin = ?))",
     "T:UCDP:209980 T:209980 T:ucdp"},
    /* One value: an ordered range on (fatalities, date_start); a range of
     * values: few events here, so they drive (see test_forms). */
    {"fatalities:0", "e.fatalities = ?", "I:0"},
    {"fatalities>=5", FATAL("fatalities >= ?"), "I:5"},
    {"fatalities<5", FATAL("fatalities <= ?"), "I:4"},
    {"fatalities:0|3..10", FATAL("fatalities = ? OR fatalities BETWEEN ? AND ?"), "I:0 I:3 I:10"},
    {"actor:JNIM", ACTORS("?, ?, ?"), "I:1 I:2 I:3"},
    {"actor:gsim", ACTORS("?, ?, ?"), "I:1 I:2 I:3"},
    {"actor:\"GROUP for\"", "0", ""},
    {"actor:=JNIM", ACTORS("?"), "I:1"},
    {"actor=GSIM", ACTORS("?"), "I:1"},
    {"actor:AL-QAEDA", ACTORS("?, ?, ?, ?"), "I:5 I:1 I:2 I:3"},
    {"actor:wagner", ACTORS("?"), "I:4"},
    {"actor:macina", ACTORS("?"), "I:2"},
    {"actor:nobody", "0", ""},
    {"actor:wagner|ansar", ACTORS("?, ?"), "I:4 I:3"},
    {"region:koulikoro", "(e.admin1 = ?)", "T:Koulikoro"},
    {"region:KAYES|koulikoro", "(e.admin1 IN (?, ?))", "T:Kayes T:Koulikoro"},
    {"region:Kita", "(e.admin2 = ?)", "T:Kita"},
    {"region:segou", "(e.admin1 = ? OR e.admin2 = ?)", "T:Ségou T:Ségou"},
    {"region:nowhere", "(0)", ""},
    {"location:sebekoro", "(e.location = ?)", "T:Sébékoro"},
    {"location:ba*", "(e.location = ?)", "T:Bamako"},
    {"type:\"suicide bomb\"", "(e.sub_event_type = ?)", "T:Suicide bomb"},
    {"type:battles", "(e.event_type = ?)", "T:Battles"},
    {"country:mali", "(e.country = ?)", "T:Mali"},
    {"origin:ACLED", "(e.origin = ?)", "T:acled"},
    {"source:apa", "e.id IN (SELECT s.event_id FROM source s WHERE s.publisher = ?)", "T:APA"},
    {"source:dakaractu.com",
     "e.id IN (SELECT s.event_id FROM source s WHERE s.url LIKE ? ESCAPE '\\')",
     "T:%dakaractu.com%"},
    {"source:nobody", "e.id IN (SELECT s.event_id FROM source s WHERE 0)", ""},
    {"since:2022-07", SINCE, "T:2022-07-01 T:2022-07-01 T:2022-06-01"},
    {"until:2023-01", "e.date_start <= ?", "T:2023-01-31"},
    {"date:2021-12", "(" SINCE " AND e.date_start <= ?)",
     "T:2021-12-01 T:2021-12-01 T:2021-11-01 T:2021-12-31"},
    {"date:2022-07..2023-01", "(" SINCE " AND e.date_start <= ?)",
     "T:2022-07-01 T:2022-07-01 T:2022-06-01 T:2023-01-31"},
    {"since:-90d", SINCE, "T:2022-12-31 T:2022-12-31 T:2022-12-01"},
    {"since:-2y", SINCE, "T:2021-03-31 T:2021-03-31 T:2021-03-01"},
    {"until:-1m", "e.date_start <= ?", "T:2023-02-28"},
    {"date>2022", SINCE, "T:2023-01-01 T:2023-01-01 T:2022-12-02"},
    {"date<2022", "e.date_start <= ?", "T:2021-12-31"},
    {"near:12.65,-8.0<100km",
     "(e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND (e.lat - ?) * (e.lat - ?) + "
     "(e.lon - ?) * (e.lon - ?) * ? <= ?)",
     "R:11.7507 R:13.5493 R:-8.9215 R:-7.0785 R:12.65 R:12.65 R:-8 R:-8 R:0.952 R:0.8088"},
    {"near:Bamako<50km",
     "(e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND (e.lat - ?) * (e.lat - ?) + "
     "(e.lon - ?) * (e.lon - ?) * ? <= ?)",
     "R:12.1997 R:13.0990 R:-8.4611 R:-7.5396 R:12.6493 R:12.6493 R:-8.0003 R:-8.0003 "
     "R:0.9520 R:0.2022"},
    {"near:kati<1km",
     "(e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND (e.lat - ?) * (e.lat - ?) + "
     "(e.lon - ?) * (e.lon - ?) * ? <= ?)",
     "R:12.7293 R:12.7473 R:-8.0810 R:-8.0626 R:12.7383 R:12.7383 R:-8.0718 R:-8.0718 "
     "R:0.9516 R:0.0001"},
    {"near:Twin<5km", NULL,
     "'Twin' is ambiguous: Twin (Kayes, 14.0000,-10.0000), "
     "Twin (Mopti, 14.5000,-4.0000); give lat,lon instead"},
    {"near:Bamkao<5km", NULL, "no place named 'Bamkao' in the gazetteer or the events"},
    {"Segou", FTS, "T:\"Segou\""},
    {"suicide \"car bomb\" kas*", "(" FTS ")", "T:\"suicide\" \"car bomb\" \"kas\"*"},
    {"\"say \\\"hi\\\"\"", FTS, "T:\"say \"\"hi\"\"\""},
    {"-actor:Wagner", "(" ACTORS("?") ") IS NOT 1", "I:4"},
    {"not region:Kayes", "((e.admin1 = ?)) IS NOT 1", "T:Kayes"},
    {"bomb or kind:context", "(" FTS " OR e.kind = 'context')", "T:\"bomb\""},
    {"actor:JNIM kind:incident bomb", "(" FTS " AND " ACTORS("?, ?, ?") " AND e.kind = 'incident')",
     "T:\"bomb\" I:1 I:2 I:3"},
    {"(kind:context or fatalities>=5) -id:3",
     "((e.kind = 'context' OR " FATAL("fatalities >= ?") ") AND (e.id = ?) IS NOT 1)", "I:5 I:3"},
    {"actor:\"x'); DROP TABLE event;--\"", "0", ""},
    {"\"x'); DROP TABLE event;--\"", FTS, "T:\"x'); DROP TABLE event;--\""},
    {"reigon:Kayes", NULL, "unknown field 'reigon' (did you mean 'region'?)"},
};

static int setup(void **state)
{
	sqlite3 *db;

	setenv("SITREP_NOW", "2023-03-31", 1);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	db_register_functions(db);
	assert_int_equal(sqlite3_exec(db, sitrep_schema_sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, fixture, NULL, NULL, NULL), SQLITE_OK);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

static sqlite3 *the_db;

static void binds_str(const struct sqlfrag *f, char *buf, size_t size, bool reals)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < f->nbinds && len < size; i++) {
		const struct bind *b = &f->binds[i];
		const char *sep = i ? " " : "";

		if (b->type == BIND_TEXT)
			len += snprintf(buf + len, size - len, "%sT:%s", sep, b->text);
		else if (b->type == BIND_INT)
			len += snprintf(buf + len, size - len, "%sI:%lld", sep, b->i);
		else
			len += snprintf(buf + len, size - len, "%sR:%.4f", sep, b->r);
	}
	(void)reals;
}

/* Reals compare to 4 decimals; the expected "R:0.952" means 0.9520. */
static bool binds_match(const char *want, const char *got)
{
	while (*want || *got) {
		if (want[0] == 'R' && want[1] == ':') {
			double a = strtod(want + 2, (char **)&want);
			double b = strtod(got + 2, (char **)&got);

			if (a - b > 0.00051 || b - a > 0.00051)
				return false;
			continue;
		}
		if (*want++ != *got++)
			return false;
	}
	return true;
}

static void test_case(void **state)
{
	const struct scase *c = *state;
	struct sqlfrag where;
	struct filter_error err;
	char binds[1024];
	int rc;

	sqlfrag_init(&where);
	rc = filter_compile(the_db, c->text, &where, &err);
	if (!c->sql) {
		assert_int_equal(rc, -1);
		assert_string_equal(err.message, c->binds);
		assert_true(sqlfrag_empty(&where));
		sqlfrag_free(&where);
		return;
	}
	if (rc != 0)
		fail_msg("'%s': %s at %d", c->text, err.message, err.column);
	assert_string_equal(sb_str(&where.sql), c->sql);
	binds_str(&where, binds, sizeof binds, true);
	if (!binds_match(c->binds, binds))
		fail_msg("'%s': binds '%s', expected '%s'", c->text, binds, c->binds);
	if (!sqlfrag_empty(&where)) {
		/* It must run: the same SQL query_page and query_count build on. */
		char *sql =
		    sqlite3_mprintf("SELECT count(*) FROM event e WHERE %s", sb_str(&where.sql));
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(the_db, sql, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlfrag_bind(&where, st, 1), (int)where.nbinds + 1);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	sqlfrag_free(&where);
}

/* A failed compile leaves what the caller had in *where alone. */
static void test_error_keeps_where(void **state)
{
	struct sqlfrag where;
	struct filter_error err;

	sqlfrag_init(&where);
	sqlfrag_sql(&where, "e.kind = ");
	sqlfrag_text(&where, "context");
	assert_int_equal(filter_compile(the_db, "near:Bamkao<5km", &where, &err), -1);
	assert_string_equal(sb_str(&where.sql), "e.kind = ?");
	assert_int_equal(where.nbinds, 1);
	assert_int_equal(filter_compile(the_db, "kind:incident", &where, &err), 0);
	assert_string_equal(sb_str(&where.sql), "e.kind = ?e.kind = 'incident'");
	sqlfrag_free(&where);
}

/* Events enough for every form: n made-up events from 2015 on with
 * varied dates (some a few days long), kinds, regions, fatalities (some
 * unknown), coordinates (some unknown), actors and words. */
static const char many[] =
    "WITH RECURSIVE k(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
    " INSERT INTO event (id, kind, date_start, date_end, date_precision, title, admin1,"
    " fatalities, lat, lon, origin, origin_id)"
    " SELECT i, CASE WHEN i %% 29 = 0 THEN 'context' ELSE 'incident' END,"
    " date('2015-01-01', '+' || (i * 7919 %% 3000) || ' days'),"
    " date('2015-01-01', '+' || (i * 7919 %% 3000 + i %% 3) || ' days'), 'day', 't',"
    " CASE i %% 3 WHEN 0 THEN 'Kayes' WHEN 1 THEN 'Ségou' ELSE 'Mopti' END,"
    " CASE WHEN i %% 17 = 0 THEN NULL WHEN i %% 199 = 0 THEN 100 + i %% 5"
    " ELSE i %% 13 * (1 + i %% 7) END,"
    " CASE WHEN i %% 23 = 0 THEN NULL ELSE 12 + (i %% 100) / 50.0 END, -9 + (i %% 37) / 20.0,"
    " 'many', i FROM k;"
    "INSERT INTO event_actor SELECT id, 4, 'actor1' FROM event WHERE origin = 'many';"
    "INSERT INTO event_actor SELECT id, 2, 'actor2' FROM event WHERE origin = 'many'"
    " AND id %% 11 = 0;"
    "INSERT INTO event_actor SELECT id, 3, 'assoc' FROM event WHERE origin = 'many'"
    " AND id %% 400 = 0;"
    "INSERT INTO event_fts (rowid, title, description) SELECT id, 'common',"
    " CASE WHEN id %% 5 = 0 THEN 'drone strike' ELSE 'clash' END"
    " || CASE WHEN id %% 300 = 0 THEN ' rareword' ELSE '' END FROM event"
    " WHERE origin = 'many';";

static sqlite3 *many_db(int n)
{
	sqlite3 *db;
	char *sql = sqlite3_mprintf(many, 99 + n);

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	db_register_functions(db);
	assert_int_equal(sqlite3_exec(db, sitrep_schema_sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, fixture, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	return db;
}

static char *compiled(sqlite3 *db, const char *text, bool count)
{
	struct sqlfrag where;
	struct filter_error err;
	char *s;

	sqlfrag_init(&where);
	if ((count ? filter_compile_count : filter_compile)(db, text, &where, &err) != 0)
		fail_msg("'%s': %s", text, err.message);
	s = strdup(sb_str(&where.sql));
	sqlfrag_free(&where);
	return s;
}

/* The probe picks the form by the number of events. */
static void test_forms_chosen(void **state)
{
	static const struct {
		const char *text, *page, *count;
	} forms[] = {
	    /* 60,000 events: walked, each tested. */
	    {"actor:wagner",
	     "EXISTS (SELECT 1 FROM event_actor ea WHERE ea.event_id = e.id"
	     " AND +ea.actor_id IN (?))",
	     "e.id IN (SELECT ea.event_id FROM event_actor ea WHERE ea.actor_id IN (?))"},
	    {"common", "EXISTS (SELECT 1 FROM event_fts WHERE event_fts MATCH ? AND rowid = e.id)",
	     "e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"},
	    {"fatalities>=0", "+e.fatalities >= ?", FATAL("fatalities >= ?")},
	    /* 5,000 to 12,000: sets of ids. */
	    {"drone", "+e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)",
	     "e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"},
	    {"actor:macina",
	     "+e.id IN (SELECT ea.event_id FROM event_actor ea WHERE"
	     " ea.actor_id IN (?))",
	     NULL},
	    {"fatalities:40..50",
	     "+e.id IN (SELECT id FROM event WHERE fatalities BETWEEN ? AND ?)",
	     FATAL("fatalities BETWEEN ? AND ?")},
	    /* Under 500: driven. */
	    {"rareword", FTS, FTS},
	    {"actor:\"ansar dine\"", ACTORS("?"), ACTORS("?")},
	    {"fatalities>=100", FATAL("fatalities >= ?"), FATAL("fatalities >= ?")},
	    /* One value is an ordered range. */
	    {"fatalities:0", "e.fatalities = ?", "e.fatalities = ?"},
	    /* Counting a combination: sets, and a negated kind a set too. */
	    {"region:kayes -kind:context fatalities>=100", NULL,
	     "((e.admin1 = ?) AND (+e.id IN (SELECT id FROM event WHERE kind = 'context')) IS NOT "
	     "1 AND "
	     "+e.id IN (SELECT id FROM event WHERE fatalities >= ?))"},
	};
	sqlite3 *db = many_db(60000);

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		for (int count = 0; count < 2; count++) {
			const char *want = count ? forms[i].count : forms[i].page;
			char *got;

			if (!want)
				continue;
			got = compiled(db, forms[i].text, count);
			if (strcmp(got, want) != 0)
				fail_msg("'%s' (%s): '%s', expected '%s'", forms[i].text,
					 count ? "count" : "page", got, want);
			free(got);
		}
	}
	/* near: a box with many events is walked ("+" off the lat index); few: driven. */
	char *got = compiled(db, "near:12.5,-8.1<300km", false);
	assert_true(strncmp(got, "(+e.lat BETWEEN ? AND ? AND e.lon", 33) == 0);
	free(got);
	got = compiled(db, "near:12.5,-8.1<20km", false);
	assert_true(strncmp(got, "+e.id IN (SELECT id FROM event WHERE lat BETWEEN", 48) == 0);
	free(got);
	got = compiled(db, "near:12.74,-8.05<1km", false);
	assert_true(strncmp(got, "(e.lat BETWEEN ? AND ? AND e.lon", 32) == 0);
	free(got);
	sqlite3_close(db);
}

/* "ids" of a query over e: the ids in order, then the count. */
static char *ids(sqlite3 *db, const char *text, bool count, const char *tail)
{
	struct sqlfrag where;
	struct filter_error err;
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *st;
	char *sql;

	sqlfrag_init(&where);
	if ((count ? filter_compile_count : filter_compile)(db, text, &where, &err) != 0)
		fail_msg("'%s': %s", text, err.message);
	sql = sqlite3_mprintf("SELECT %s FROM event e WHERE (%s) %s", count ? "count(*)" : "e.id",
			      sb_str(&where.sql), tail);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("'%s': %s in %s", text, sqlite3_errmsg(db), sql);
	sqlfrag_bind(&where, st, 1);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_addf(&sb, " %lld", (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlfrag_free(&where);
	return sb_detach(&sb);
}

/* Whatever the form (forced), pages and counts find the same events. */
static void test_forms_same_rows(void **state)
{
	static const char *const texts[] = {
	    "actor:wagner",
	    "actor:macina",
	    "actor:\"ansar dine\"",
	    "-actor:macina",
	    "actor:macina since:2020",
	    "actor:wagner region:kayes",
	    "common",
	    "drone",
	    "rareword",
	    "drone -rareword",
	    "drone or actor:\"ansar dine\"",
	    "fatalities>=0",
	    "fatalities:40..50",
	    "fatalities>=100",
	    "fatalities:1..5|60..70",
	    "-fatalities:1..5",
	    "fatalities:0",
	    "near:Bamako<100km",
	    "near:12.0,-9.0<3km",
	    "near:12.5,-8.1<20km",
	    "near:12.74,-8.05<1km",
	    "-near:12.0,-9.0<30km",
	    "region:kayes -kind:context fatalities>=100",
	    "region:Ségou|Mopti -kind:context fatalities:1..5",
	    "kind:context date:2021",
	    "since:2022-07 drone",
	    "date:2016..2017 actor:macina -fatalities:0",
	};
	static const char *const tails[] = {
	    "ORDER BY e.date_start, e.id",
	    "AND (e.date_start, e.id) > ('2019-05-01', 1) ORDER BY e.date_start, e.id LIMIT 7",
	    "AND (e.date_start, e.id) < ('2019-05-01', 1) ORDER BY e.date_start DESC, e.id DESC"
	    " LIMIT 7",
	    "ORDER BY e.date_start DESC, e.id DESC LIMIT 7",
	};
	/* Forced forms need no more events than it takes to find some. */
	sqlite3 *db = many_db(8000);

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
			char *ref;

			filter_sql_force_form = 0;
			ref = ids(db, texts[i], false, tails[t]);
			if (t == 0 && strlen(ref) < 4 && strcmp(texts[i], "rareword") != 0)
				fail_msg("'%s' finds too little to test: '%s'", texts[i], ref);
			for (int f = -1; f <= 2; f++) {
				filter_sql_force_form = f;
				char *got = ids(db, texts[i], false, tails[t]);
				if (strcmp(got, ref) != 0)
					fail_msg("'%s' form %d, %s: differs", texts[i], f,
						 tails[t]);
				free(got);
				if (t == 0) {
					char *n = ids(db, texts[i], true, "");
					char want[32];
					size_t rows = 0;
					for (const char *p = ref; *p; p++)
						rows += *p == ' ';
					snprintf(want, sizeof want, " %zu", rows);
					if (strcmp(n, want) != 0)
						fail_msg("'%s' count form %d: %s, expected %s",
							 texts[i], f, n, want);
					free(n);
				}
			}
			filter_sql_force_form = -1;
			free(ref);
		}
	}
	sqlite3_close(db);
}

/* --now latest: relative dates count back from the newest event's first
 * day (2023-01-09 here), and from the clock's today in a file with none. */
static void test_now_latest(void **state)
{
	(void)state;
	char *got = ids(the_db, "since:-7d", false, "ORDER BY e.date_start, e.id");
	assert_string_equal(got, ""); /* pinned at 2023-03-31 by setup */
	free(got);

	setenv("SITREP_NOW", "latest", 1);
	got = ids(the_db, "since:-7d", false, "ORDER BY e.date_start, e.id");
	assert_string_equal(got, " 2 4");
	free(got);

	sqlite3 *empty;
	long today = 0;
	assert_int_equal(sqlite3_open(":memory:", &empty), SQLITE_OK);
	assert_int_equal(sqlite3_exec(empty, sitrep_schema_sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(resolve_today(empty, &today, NULL), 0);
	assert_int_equal(today, date_today());
	sqlite3_close(empty);
	setenv("SITREP_NOW", "2023-03-31", 1);
}

/* A look-up that fails fails the filter, whatever the next column's
 * look-up does: region: reads admin1, then admin2. Reading admin1 is denied
 * here (as a lock or an I/O error would fail it); the filter must not
 * compile to "no such region", which would show an empty timeline. */
static int deny_admin1(void *arg, int action, const char *table, const char *column, const char *db,
		       const char *trigger)
{
	(void)arg, (void)db, (void)trigger;
	return action == SQLITE_READ && table && column && strcmp(table, "event") == 0 &&
		       strcmp(column, "admin1") == 0
		   ? SQLITE_DENY
		   : SQLITE_OK;
}

static void test_lookup_error_not_lost(void **state)
{
	struct sqlfrag where;
	struct filter_error err;
	(void)state;
	sqlfrag_init(&where);
	sqlite3_set_authorizer(the_db, deny_admin1, NULL);
	int rc = filter_compile(the_db, "region:Kayes", &where, &err);
	sqlite3_set_authorizer(the_db, NULL, NULL);
	assert_int_not_equal(rc, 0);
	assert_non_null(strstr(err.message, "prohibited"));
	sqlfrag_free(&where);
}

static int group_setup(void **state)
{
	setup((void **)&the_db);
	return 0;
}

static int group_teardown(void **state)
{
	teardown((void **)&the_db);
	return 0;
}

int main(void)
{
	size_t ncases = sizeof cases / sizeof cases[0];
	struct CMUnitTest *tests = calloc(ncases + 5, sizeof *tests);
	size_t n = 0;

	for (size_t i = 0; i < ncases; i++) {
		tests[n] =
		    (struct CMUnitTest)cmocka_unit_test_prestate(test_case, (void *)&cases[i]);
		tests[n].name = cases[i].text[0] ? cases[i].text : "(empty)";
		n++;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_error_keeps_where);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_forms_chosen);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_forms_same_rows);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_now_latest);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_lookup_error_not_lost);
	int rc = _cmocka_run_group_tests("filter_sql", tests, n, group_setup, group_teardown);
	free(tests);
	return rc;
}
