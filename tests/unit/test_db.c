/* Unit tests: db (open, refuse), store (idempotent upsert, actors and
 * aliases), query (keyset paging both ways, counts), record. Each test
 * works on a fresh file in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/db.h"
#include "sitrep/query.h"
#include "sitrep/event_record.h"
#include "sitrep/store.h"

static char path[256];

static int setup(void **state)
{
	snprintf(path, sizeof(path), "%s/sitrep-test-db-%d.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	unlink(path);
	return 0;
}

static int teardown(void **state)
{
	unlink(path);
	return 0;
}

static void add_event(struct store *s, const char *id, const char *date, const char *kind,
		      const char *title, enum store_result *res)
{
	struct event_in e;
	event_in_init(&e);
	e.origin = "test";
	e.origin_id = id;
	e.kind = kind;
	e.title = title;
	assert_int_equal(date_parse_iso(date, &e.date), 0);
	struct actor_in actors[] = {{"GSIM", "actor1"}, {"FAMa", "actor2"}};
	struct source_in src[] = {{"A report", "APA", "https://example.org/a", NULL, "three", 3},
				  {"Another", "AFP", "https://example.org/b", NULL, "five", 5}};
	e.actors = actors;
	e.nactors = 2;
	e.sources = src;
	e.nsources = 2;
	char *err = NULL;
	enum store_result r;
	assert_int_equal(store_event(s, &e, res ? res : &r, &err), 0);
}

static struct store *fresh(void)
{
	char *err = NULL;
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	assert_int_equal(store_begin(s, &err), 0);
	assert_true(store_actor(s, "JNIM", "non-state armed group", NULL, NULL, &err) > 0);
	assert_int_equal(store_alias(s, "JNIM", "GSIM", &err), 0);
	assert_true(store_actor(s, "Katiba Macina", NULL, "gsim", NULL, &err) > 0);
	return s;
}

static void test_create_and_reopen(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	add_event(s, "1", "2023-01-02", "incident", "one", NULL);
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
	sqlite3 *db = db_open_ro(path, &err);
	assert_non_null(db);
	struct query q = {.db = db, .where = NULL};
	long long n;
	assert_int_equal(query_count(&q, &n, &err), 0);
	assert_int_equal(n, 1);
	db_close(db);
}

static void test_idempotent(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	enum store_result r;
	add_event(s, "1", "2023-01-02", "incident", "one", &r);
	assert_int_equal(r, STORE_INSERTED);
	add_event(s, "1", "2023-01-02", "incident", "one", &r);
	assert_int_equal(r, STORE_UNCHANGED);
	add_event(s, "1", "2023-01-03", "incident", "one", &r);
	assert_int_equal(r, STORE_UPDATED); /* the date alone changed */
	add_event(s, "1", "2023-01-01..2023-01-03", "incident", "one", &r);
	assert_int_equal(r, STORE_UPDATED);
	add_event(s, "1", "2023-01-02..2023-01-03", "incident", "one", &r);
	assert_int_equal(r, STORE_UPDATED); /* only the start moved */
	add_event(s, "1", "2023-01-03", "incident", "one, corrected", &r);
	assert_int_equal(r, STORE_UPDATED);
	assert_int_equal(store_commit(s, &err), 0);
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT count(*), max(date_start) FROM event", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "2023-01-03");
	sqlite3_finalize(st);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM source", -1, &st, NULL);
	sqlite3_step(st);
	assert_int_equal(sqlite3_column_int(st, 0), 2); /* replaced, not doubled */
	sqlite3_finalize(st);
	store_close(s);
}

static void test_aliases_merge(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	long long a = store_actor(s, "jnim", NULL, NULL, NULL, &err);
	long long b = store_actor(s, "GSIM", NULL, NULL, NULL, &err);
	assert_true(a > 0);
	assert_int_equal(a, b);
	/* An alias that already names another actor is refused. */
	assert_true(store_actor(s, "FAMa", NULL, NULL, NULL, &err) > 0);
	assert_int_equal(store_alias(s, "FAMa", "GSIM", &err), -1);
	free(err);
	store_close(s);
}

static void test_rollback(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	add_event(s, "1", "2023-01-02", "incident", "one", NULL);
	store_commit(s, &err);
	store_begin(s, &err);
	add_event(s, "2", "2023-01-05", "incident", "two", NULL);
	store_rollback(s);
	store_close(s);
	sqlite3 *db = db_open_ro(path, &err);
	struct query q = {.db = db, .where = NULL};
	long long n;
	query_count(&q, &n, &err);
	assert_int_equal(n, 1);
	db_close(db);
}

static void test_paging(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	/* 200 events over 50 days, several per day, so ties on date matter. */
	for (int i = 0; i < 200; i++) {
		char id[16], date[16];
		snprintf(id, sizeof(id), "%d", i);
		snprintf(date, sizeof(date), "2022-%02d-%02d", 1 + (i * 7 % 50) / 28,
			 1 + (i * 7 % 50) % 28);
		add_event(s, id, date, i % 10 ? "incident" : "context", "x", NULL);
	}
	store_commit(s, &err);
	store_close(s);
	sqlite3 *db = db_open_ro(path, &err);
	struct query q = {.db = db, .where = NULL};
	/* Walk forward in pages of 7; the keys must be strictly increasing and
	 * cover every event exactly once. */
	struct event_key key, prev = {.id = 0};
	bool have = false;
	int total = 0;
	for (;;) {
		struct event_row *rows = NULL;
		size_t n = 0;
		assert_int_equal(
		    query_page(&q, have ? &key : NULL, QUERY_FORWARD, false, 7, &rows, &n, &err),
		    0);
		for (size_t i = 0; i < n; i++) {
			int c = strcmp(rows[i].date_start, prev.date);
			assert_true(c > 0 || (c == 0 && rows[i].id > prev.id));
			event_row_key(&rows[i], &prev);
		}
		total += (int)n;
		if (n)
			event_row_key(&rows[n - 1], &key);
		have = true;
		event_rows_free(rows, n);
		if (n < 7)
			break;
	}
	assert_int_equal(total, 200);
	/* Backward from the end gives the same events in reverse. */
	struct event_row *rows = NULL;
	size_t n = 0;
	assert_int_equal(query_page(&q, NULL, QUERY_BACKWARD, false, 1000, &rows, &n, &err), 0);
	assert_int_equal(n, 200);
	assert_int_equal(rows[0].id, prev.id);
	/* The rank of the 100th row is 99. */
	struct event_key mid;
	event_row_key(&rows[100], &mid);
	long long rank;
	assert_int_equal(query_rank(&q, &mid, &rank, &err), 0);
	assert_int_equal(rank, 99);
	event_rows_free(rows, n);
	/* A filter fragment restricts pages and counts. */
	struct sqlfrag w;
	sqlfrag_init(&w);
	sqlfrag_sql(&w, "e.kind = ");
	sqlfrag_text(&w, "context");
	q.where = &w;
	long long c;
	assert_int_equal(query_count(&q, &c, &err), 0);
	assert_int_equal(c, 20);
	bool found;
	assert_int_equal(query_seek_date(&q, "2022-01-15", &key, &found, &err), 0);
	assert_true(found);
	assert_true(strcmp(key.date, "2022-01-15") >= 0);
	sqlfrag_free(&w);
	db_close(db);
}

static void test_record(void **state)
{
	char *err = NULL;
	struct store *s = fresh();
	add_event(s, "1", "2021-12", "context", "arrival", NULL);
	store_commit(s, &err);
	sqlite3 *db = store_db(s);
	struct event_record r;
	assert_int_equal(event_record_load(db, 1, &r, &err), 0);
	assert_string_equal(r.date_precision, "month");
	assert_string_equal(r.date_end, "2021-12-31");
	assert_int_equal(r.nactors, 2);
	assert_string_equal(r.actors[0].name, "JNIM"); /* GSIM resolved to its actor */
	assert_string_equal(r.actors[0].role, "actor1");
	assert_int_equal(r.nsources, 2);
	assert_true(event_record_figures_disagree(&r));
	event_record_free(&r);
	assert_int_equal(event_record_load(db, 42, &r, &err), 1);
	store_close(s);
}

static void test_refuse_foreign(void **state)
{
	char *err = NULL;
	sqlite3 *raw;
	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "CREATE TABLE t (x)", NULL, NULL, NULL);
	sqlite3_close(raw);
	assert_null(db_open_ro(path, &err));
	assert_non_null(strstr(err, "not a sitrep database"));
	free(err);
	assert_null(store_open(path, &err)); /* nor written to */
	free(err);
	assert_null(db_open_ro("/nonexistent/x.db", &err));
	assert_non_null(strstr(err, "No such file"));
	free(err);
}

/* An in-memory store (the fuzz harnesses' own): SQLite keeps it in no
 * journal but "memory", which the WAL switch took for a failure. */
static void test_in_memory(void **state)
{
	char *err = NULL;
	struct store *s = store_open(":memory:", &err);
	assert_non_null(s);
	assert_int_equal(store_begin(s, &err), 0);
	add_event(s, "1", "2023-01-02", "incident", "one", NULL);
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_create_and_reopen, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_idempotent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_aliases_merge, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_paging, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_record, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refuse_foreign, setup, teardown),
	    cmocka_unit_test(test_in_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
