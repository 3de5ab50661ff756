#include "config.h"
/* The fields of filter_fields.c (civilians:, interaction:, inter1:,
 * inter2:, disorder:, tags:, admin3:, geo_precision:, precision:, actor1:,
 * actor2:, assoc:) on a small in-memory database whose extra fields are
 * written as an ACLED import writes them (the current layout's column
 * names, values as text). Each case must find the same events with the
 * schema's indexes and without them, as in a file made before they
 * existed. */
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
#include "sitrep/sqlfrag.h"
#include "sitrep/strbuf.h"

static const char fixture[] =
    "INSERT INTO actor (id, name) VALUES (1, 'JNIM'), (2, 'Civilians (Mali)'),"
    " (3, 'Wagner Group'), (4, 'Military Forces of Mali (2021-)');"
    "INSERT INTO actor_alias VALUES ('jnim', 'JNIM', 1), ('gsim', 'GSIM', 1),"
    " ('civilians (mali)', 'Civilians (Mali)', 2), ('wagner group', 'Wagner Group', 3),"
    " ('military forces of mali (2021-)', 'Military Forces of Mali (2021-)', 4);"
    "INSERT INTO event (id, kind, date_start, date_end, date_precision, title, geo_precision,"
    " origin, origin_id, extra) VALUES"
    " (1, 'incident', '2022-01-05', '2022-01-05', 'day', 'a', 1, 'acled', 'MLI1',"
    "  '{\"disorder_type\":\"Political violence\",\"inter1\":\"2\",\"inter2\":\"7\","
    "\"interaction\":\"27\",\"civilian_targeting\":\"Civilian targeting\","
    "\"admin3\":\"Kassela\",\"tags\":\"women targeted: girls; crowd size=no report\"}'),"
    " (2, 'incident', '2022-02-01', '2022-02-07', 'day', 'b', 2, 'acled', 'MLI2',"
    "  '{\"disorder_type\":\"Political violence\",\"inter1\":\"1\",\"inter2\":\"2\","
    "\"interaction\":\"12\",\"admin3\":\"Niono\"}'),"
    " (3, 'incident', '2022-03-01', '2022-03-31', 'month', 'c', 3, 'acled', 'MLI3',"
    "  '{\"disorder_type\":\"Demonstrations\",\"inter1\":\"6\",\"interaction\":\"60\","
    "\"tags\":\"crowd size=no report\",\"admin3\":\"Ébène\"}'),"
    " (4, 'context', '2022-01-01', '2022-12-31', 'year', 'd', NULL, 'sitrep', 'x4', NULL);"
    "INSERT INTO event_actor VALUES (1, 1, 'actor1'), (1, 2, 'actor2'), (2, 4, 'actor1'),"
    " (2, 1, 'actor2'), (2, 3, 'assoc'), (3, 3, 'actor1');";

struct fcase {
	const char *text;
	const char *ids; /* the events found, in the timeline's order */
};

static const struct fcase cases[] = {
    {"civilians:yes", " 1"},
    {"civilians:no", " 4 2 3"},
    {"civilian_targeting:y", " 1"},
    {"interaction:27", " 1"},
    {"interaction:27|60", " 1 3"},
    {"interaction:99", ""},
    {"inter1:2", " 1"},
    {"inter2:2|7", " 1 2"},
    {"disorder:\"political violence\"", " 1 2"},
    {"disorder_type:DEMONSTRATIONS", " 3"},
    {"-disorder:demonstrations", " 4 1 2"},
    {"tags:\"crowd size=no report\"", " 1 3"},
    {"tags:\"women targeted: girls\"", " 1"},
    {"admin3:kassela", " 1"},
    {"admin3:Kassela|niono", " 1 2"},
    {"admin3:nowhere", ""},
    /* values with an accented first letter are among those looked at */
    {"admin3:ebene", " 3"},
    {"admin3:K*", " 1"},
    {"admin3:kassela|ÉBÈNE", " 1 3"},
    {"geo_precision:3", " 3"},
    {"geo_precision:1|2", " 1 2"},
    {"precision:day", " 1"},
    {"precision:range", " 2"},
    {"precision:month", " 3"},
    {"precision:y", " 4"},
    {"time_precision:day|range", " 1 2"},
    {"actor1:JNIM", " 1"},
    {"actor1:GSIM", " 1"},
    {"actor2:jnim", " 2"},
    {"actor:jnim", " 1 2"},
    {"assoc:wagner", " 2"},
    {"actor1:wagner", " 3"},
    {"actor2:wagner", ""},
    {"actor1:JNIM or assoc:wagner", " 1 2"},
    {"civilians:yes interaction:27 actor1:jnim", " 1"},
};

static const struct {
	const char *text, *error;
} errors[] = {
    {"civilians:maybe", "civilians is 'yes' or 'no', not 'maybe'"},
    {"precision:week", "precision is 'day', 'month', 'year' or 'range', not 'week'"},
    {"geo_precision:4", "geo_precision is 1, 2 or 3, not '4'"},
    {"inter1>2", "inter1 takes ':', not a comparison"},
};

static char *found(sqlite3 *db, const char *text, bool count)
{
	struct sqlfrag where;
	struct filter_error err;
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *st;

	sqlfrag_init(&where);
	if ((count ? filter_compile_count : filter_compile)(db, text, &where, &err) != 0)
		fail_msg("'%s': %s", text, err.message);
	char *sql =
	    sqlite3_mprintf("SELECT %s FROM event e WHERE (%s)%s", count ? "count(*)" : "e.id",
			    sb_str(&where.sql), count ? "" : " ORDER BY e.date_start, e.id");
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

static char *compiled(sqlite3 *db, const char *text)
{
	struct sqlfrag where;
	struct filter_error err;

	sqlfrag_init(&where);
	assert_int_equal(filter_compile(db, text, &where, &err), 0);
	char *sql = strdup(sb_str(&where.sql));
	sqlfrag_free(&where);
	return sql;
}

static void check_cases(sqlite3 *db, const char *how)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = found(db, cases[i].text, false);
		if (strcmp(got, cases[i].ids) != 0)
			fail_msg("'%s' (%s): '%s', expected '%s'", cases[i].text, how, got,
				 cases[i].ids);
		free(got);
		got = found(db, cases[i].text, true);
		size_t n = 0;
		for (const char *p = cases[i].ids; *p; p++)
			n += *p == ' ';
		char want[16];
		snprintf(want, sizeof want, " %zu", n);
		if (strcmp(got, want) != 0)
			fail_msg("'%s' (%s) count: '%s', expected '%s'", cases[i].text, how, got,
				 want);
		free(got);
	}
}

static sqlite3 *fixture_db(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	db_register_functions(db);
	assert_int_equal(sqlite3_exec(db, sitrep_schema_sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, fixture, NULL, NULL, NULL), SQLITE_OK);
	return db;
}

static void test_with_indexes(void **state)
{
	(void)state;
	sqlite3 *db = fixture_db();
	check_cases(db, "indexed");
	/* The stored spelling, as an equality on the expression index. */
	char *sql = compiled(db, "admin3:KASSELA");
	assert_string_equal(sql, "json_extract(e.extra, '$.admin3') = ?");
	free(sql);
	sql = compiled(db, "civilians:yes");
	assert_string_equal(sql, "json_extract(e.extra, '$.civilian_targeting') IS NOT NULL");
	free(sql);
	sqlite3_close(db);
}

/* A file made before the indexes: each row tested, the same events. */
static void test_without_indexes(void **state)
{
	(void)state;
	sqlite3 *db = fixture_db();
	assert_int_equal(
	    sqlite3_exec(db,
			 "DROP INDEX event_interaction_date; DROP INDEX event_tags_date;"
			 " DROP INDEX event_admin3_date; DROP INDEX event_civilians_date;"
			 " DROP INDEX event_precision_date; DROP INDEX event_range_date;",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	check_cases(db, "no index");
	char *sql = compiled(db, "admin3:KASSELA");
	assert_string_equal(sql, "(fold(json_extract(e.extra, '$.admin3')) = ?)");
	free(sql);
	sqlite3_close(db);
}

static void test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
		struct filter_node *n = NULL;
		struct filter_error err;
		assert_int_equal(filter_parse(errors[i].text, &n, &err), -1);
		if (strcmp(err.message, errors[i].error) != 0)
			fail_msg("'%s': '%s', expected '%s'", errors[i].text, err.message,
				 errors[i].error);
	}
}

/* tag: is the analyst's notebook, tags: ACLED's column: two fields. */
static void test_tag_and_tags(void **state)
{
	(void)state;
	struct filter_node *n = NULL;
	struct filter_error err;
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(filter_parse("tag:x tags:y actor1:z admin3:w", &n, &err), 0);
	filter_dump(n, &sb);
	assert_string_equal(sb_str(&sb),
			    "(and (tag \"x\") (tags \"y\") (actor1 \"z\") (admin3 \"w\"))");
	sb_free(&sb);
	filter_free(n);
}

/* sitrep's json_extract (db_register_json): SQLite's answers on extra's
 * shape, quotes inside values never taken for keys. */
static void test_json_extract(void **state)
{
	(void)state;
	static const struct {
		const char *json, *path, *want; /* want NULL: SQL NULL */
	} jcases[] = {
	    {"{\"a\":\"x\",\"b\":\"y\"}", "$.b", "y"},
	    {"{\"a\":\"q,\\\"b\\\":\\\"z\",\"b\":\"y\"}", "$.b", "y"},
	    {"{\"b\":\"a\\\"c\"}", "$.b", "a\"c"},
	    {"{\"xb\":\"1\",\"b\":\"2\"}", "$.b", "2"},
	    {"{\"B\":\"1\"}", "$.b", NULL},
	    {"{\"a\":\"x\\\\\",\"b\":\"\\u00e9\"}", "$.b", "\u00e9"},
	    {"{ \"b\" : \"sp\" }", "$.b", "sp"},
	    /* a value that reads as the key is not the key; a key spelled
	     * with an escape is found (by the parse) */
	    {"{\"a\":\"b\",\"c\":\"d\"}", "$.b", NULL},
	    {"{\"a\":\"x\",\"\\u0062\":\"y\"}", "$.b", "y"},
	};
	sqlite3 *db = fixture_db();
	for (size_t i = 0; i < sizeof jcases / sizeof jcases[0]; i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT json_extract(?, ?)", -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_text(st, 1, jcases[i].json, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, jcases[i].path, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		const char *got = (const char *)sqlite3_column_text(st, 0);
		if (jcases[i].want ? !got || strcmp(got, jcases[i].want) != 0 : got != NULL)
			fail_msg("%s %s: '%s', expected '%s'", jcases[i].json, jcases[i].path,
				 got ? got : "NULL", jcases[i].want ? jcases[i].want : "NULL");
		sqlite3_finalize(st);
	}
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT json_extract('{}', '$.a.b')", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ERROR);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_with_indexes), cmocka_unit_test(test_without_indexes),
	    cmocka_unit_test(test_errors),       cmocka_unit_test(test_tag_and_tags),
	    cmocka_unit_test(test_json_extract),
	};
	return cmocka_run_group_tests_name("filter_fields", tests, NULL, NULL);
}
