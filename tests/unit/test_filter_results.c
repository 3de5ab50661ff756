/* Result cases on the bundled Mali data set ($SITREP_DB): which events a
 * filter finds, by their stable origin ids (mali-a1 = the Kassela attack,
 * see data/events.sitrep). "+id" must be found, "-id" must not, "=" before
 * the list means exactly these. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "filter_resolve.h"
#include "sitrep/query.h"
#include "sitrep/util.h"

static sqlite3 *db;

struct rcase {
	const char *text;
	const char *expect; /* "= mali-a1 mali-a2" or "+mali-a1 -mali-a2" */
};

static const struct rcase cases[] = {
    /* The issue's own examples. */
    {"actor:GSIM since:2023-01 until:2023-01-31", "= mali-a1 mali-a2 mali-a3 mali-a4 mali-a5"},
    {"near:Bamako<50km", "+mali-a1 +mali-a6 -mali-a2"},
    {"kind:context date:2022", "+mali-b18 +mali-b14 -mali-a6 -mali-b13"},
    /* Precision: "December 2021" covers the whole month. */
    {"date:2021-12", "+mali-b13"},
    {"date:2021-12-20", "+mali-b13"},
    {"since:2021-12-15", "+mali-b13 -mali-b12"},
    {"until:2021-11-30", "-mali-b13 +mali-b12"},
    {"date:2021-12-15..2022-01-10", "= mali-b13 mali-e8"},
    {"date>2021-12-31 until:2022-02-17", "= mali-e8 mali-e9 mali-b14"},
    /* Actors: aliases, accents, affiliates. */
    {"actor:JNIM kind:incident date:2022-07", "= mali-a6"},
    {"actor:=JNIM date:2022-07", "-mali-a6"},
    {"actor:\"Group for Support of Islam and Muslims\" date:2023-01-02", "= mali-a1 mali-a2"},
    {"actor:wagner", "+mali-b13 +mali-b15"},
    {"actor:VAGNER date:2021", "= mali-b13"},
    {"-actor:Wagner date:2021", "-mali-b13 +mali-b12"},
    {"not actor:wagner date:2021", "-mali-b13 +mali-b12"},
    {"actor:aqim date:2022-07-22", "= mali-a6"},
    /* Fields. */
    {"region:Kayes|Koulikoro date:2023-01", "= mali-a1 mali-a2 mali-a3 mali-a4"},
    {"region:kolokani", "= mali-a3"},
    {"r:KITA", "= mali-a4"},
    {"location:sebekoro", "= mali-a4"},
    {"location:Didi*", "= mali-a3"},
    {"type:\"suicide bomb\"", "= mali-d13 mali-d18 mali-d23 mali-a6 mali-d43"},
    {"type:coup", "= mali-b2 mali-b11 mali-b12"},
    {"fatalities:0", "= mali-d8 mali-a3"},
    {"fatalities:3..10 date:2023-01", "= mali-a2"},
    {"fatalities>=100", "+mali-b9 +mali-b15 -mali-a1"},
    {"source:APA date:2023-01-02", "+mali-a1"},
    {"source:studiotamani.org", "+mali-a1 +mali-a2 -mali-a6"},
    {"origin:sitrep id:1", "= mali-a1"},
    {"id:mali-a2|sitrep:mali-a3", "= mali-a2 mali-a3"},
    {"id:acled:mali-a2", "-mali-a2"},
    {"country:mali date:2023-01-02", "= mali-a1 mali-a2"},
    /* Distances. */
    {"near:12.65,-8.0<100km date:2023-01", "+mali-a1 +mali-a2 -mali-a4"},
    {"near:Kati<5km", "+mali-a6 +mali-b11"},
    /* Windows around a day: the Kati attack (2022-07-22) is 15 days
     * after 07-07 and 15 before 08-06, not 16 before 08-07. */
    {"date:2022-07-07\u00b115d kind:incident", "+mali-a6"},
    {"date:2022-08-06+-15d", "+mali-a6"},
    {"date:2022-08-07+-15d", "-mali-a6"},
    {"date:2022-07-06+-15d", "-mali-a6"},
    {"date:2022-07-22+-0d", "= mali-a6"},
    /* Free text, accents, prefixes, phrases. */
    {"Segou date:2023-01", "+mali-a1"},
    {"Ségou date:2023-01", "+mali-a1"},
    {"kasse* date:2023", "+mali-a1 -mali-a3"},
    {"\"Kassela\" or \"Markacoungo\" date:2023-01-02", "= mali-a1 mali-a2"},
    {"(region:Kayes or actor:=CNSP) -kind:context", "+mali-a4 -mali-b11"},
    /* SQL in the text finds nothing. */
    {"actor:\"x'); DROP TABLE event;--\"", "="},
    {"\"x'); DROP TABLE event;--\"", "="},
    {"region:\"Kayes' OR 1=1 --\"", "="},
};

/* The origin ids the filter finds, space-separated in timeline order. */
static char *run(const char *text)
{
	struct sqlfrag where;
	struct filter_error err;
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *st;
	char *sql;

	sqlfrag_init(&where);
	if (filter_compile(db, text, &where, &err) < 0)
		fail_msg("'%s': %s at %d", text, err.message, err.column);
	sql = xasprintf("SELECT e.origin_id FROM event e %s %s ORDER BY e.date_start, e.id",
			sqlfrag_empty(&where) ? "" : "WHERE", sb_str(&where.sql));
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlfrag_bind(&where, st, 1);
	sb_add(&sb, "");
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_addf(&sb, " %s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	free(sql);
	sqlfrag_free(&where);
	return sb_detach(&sb);
}

static bool has(const char *list, const char *id, size_t len)
{
	char want[64];

	snprintf(want, sizeof want, " %.*s ", (int)len, id);
	char *padded = xasprintf("%s ", list);
	bool found = strstr(padded, want) != NULL;

	free(padded);
	return found;
}

static void test_case(void **state)
{
	const struct rcase *c = *state;
	char *got = run(c->text);
	const char *e = c->expect;

	if (e[0] == '=') {
		if (strcmp(got, e + 1) != 0)
			fail_msg("'%s': got '%s', expected '%s'", c->text, got, e + 1);
		free(got);
		return;
	}
	while (*e) {
		size_t len = strcspn(e + 1, " ");
		bool want = e[0] == '+';

		if (has(got, e + 1, len) != want)
			fail_msg("'%s': %.*s %s; got '%s'", c->text, (int)len, e + 1,
				 want ? "missing" : "found", got);
		e += 1 + len;
		e += strspn(e, " ");
	}
	free(got);
}

/* Relative dates: SITREP_NOW pins today (what --now sets). */
static void test_relative(void **state)
{
	char *a, *b;

	setenv("SITREP_NOW", "2023-02-09", 1);
	a = run("since:-38d until:-1m");
	assert_string_equal(a, " mali-a1 mali-a2 mali-a3 mali-a4");
	free(a);
	setenv("SITREP_NOW", "2024-01-10", 1);
	a = run("since:-1y kind:incident");
	b = run("since:2023-01-10 kind:incident");
	assert_string_equal(a, b);
	free(a);
	free(b);
	unsetenv("SITREP_NOW");
}

/* A negation and its term split the data set between them, events with
 * unknown values included. */
static void test_negation_partitions(void **state)
{
	static const char *const terms[] = {"region:Kayes", "fatalities>=5", "actor:JNIM", "bomb*"};

	for (size_t i = 0; i < ARRAY_SIZE(terms); i++) {
		char neg[64];
		char *all = run(""), *pos = run(terms[i]), *not = NULL;
		size_t np = 0, nn = 0, na = 0;

		snprintf(neg, sizeof neg, "-%s", terms[i]);
		not = run(neg);
		for (char *p = all; *p; p++)
			na += *p == ' ';
		for (char *p = pos; *p; p++)
			np += *p == ' ';
		for (char *p = not ; *p; p++)
			nn += *p == ' ';
		if (np + nn != na || np == 0)
			fail_msg("%s: %zu + %zu != %zu", terms[i], np, nn, na);
		free(all);
		free(pos);
		free(not );
	}
}

/* query_count agrees with the rows, through the lead's query module. */
static void test_query_count(void **state)
{
	struct sqlfrag where;
	struct filter_error err;
	struct query q = {.db = db, .where = &where};
	long long count = -1;
	char *msg = NULL;

	sqlfrag_init(&where);
	assert_int_equal(
	    filter_compile(db, "actor:GSIM since:2023-01 until:2023-01-31", &where, &err), 0);
	assert_int_equal(query_count(&q, &count, &msg), 0);
	assert_int_equal(count, 5);
	sqlfrag_free(&where);
}

/* Every case finds the same events whichever form its terms take (drive,
 * set or walk, see filter_sql.c), as the probe would pick on a larger file. */
static void test_forms_agree(void **state)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *ref = run(cases[i].text);

		for (int f = 0; f <= 2; f++) {
			filter_sql_force_form = f;
			char *got = run(cases[i].text);
			filter_sql_force_form = -1;
			if (strcmp(got, ref) != 0)
				fail_msg("'%s' form %d: got '%s', expected '%s'", cases[i].text, f,
					 got, ref);
			free(got);
		}
		free(ref);
	}
}

static void test_place_errors(void **state)
{
	struct sqlfrag where;
	struct filter_error err;
	char buf[400];

	sqlfrag_init(&where);
	assert_int_equal(filter_compile(db, "near:Bamkao<50km", &where, &err), -1);
	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "filter: no place named 'Bamkao' in the gazetteer or the events");
	if (filter_compile(db, "near:San<5km", &where, &err) != 0)
		fail_msg("San (a town of 26744) should win: %s", err.message);
	sqlfrag_free(&where);
}

/* near:#ID: the place of an event, found by its row id. */
static void test_near_event(void **state)
{
	sqlite3_stmt *st;
	char filter[64];
	char *got;

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM event WHERE origin_id = 'mali-a6'",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(filter, sizeof filter, "near:#%lld<5km", sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	got = run(filter);
	assert_true(has(got, "mali-a6", 7));
	assert_true(has(got, "mali-b11", 8)); /* the 2020 coup, at Kati too */
	assert_false(has(got, "mali-a1", 7));
	free(got);

	struct sqlfrag where;
	struct filter_error err;
	char buf[400];
	sqlfrag_init(&where);
	assert_int_equal(filter_compile(db, "near:#999999<5km", &where, &err), -1);
	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "filter: no event #999999 at column 6");
	assert_int_equal(filter_compile(db, "near:#x<5km", &where, &err), -1);
	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "filter: near: '#x' is no event at column 6 (e.g. near:#24<50km)");
	sqlfrag_free(&where);
}

static int setup(void **state)
{
	const char *path = getenv("SITREP_DB");
	char *msg = NULL;

	if (!path)
		fail_msg("SITREP_DB is not set");
	db = db_open_ro(path, &msg);
	if (!db)
		fail_msg("%s", msg);
	return 0;
}

static int teardown(void **state)
{
	db_close(db);
	return 0;
}

int main(void)
{
	size_t ncases = ARRAY_SIZE(cases);
	struct CMUnitTest *tests = calloc(ncases + 6, sizeof *tests);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < ncases; i++) {
		tests[n] =
		    (struct CMUnitTest)cmocka_unit_test_prestate(test_case, (void *)&cases[i]);
		tests[n++].name = cases[i].text;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_relative);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_negation_partitions);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_query_count);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_place_errors);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_near_event);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_forms_agree);
	rc = _cmocka_run_group_tests("filter_results", tests, n, setup, teardown);
	free(tests);
	return rc;
}
