/* The session: what one Enter on a filter costs (one parse, one look-up
 * of each name), that a failed change leaves the filter as it was, and
 * that every change moves the version on for the views to hear of. */
#include "config.h"

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
#include "sitrep/session.h"

static char path[512];
static struct session *s;

/* 40 events, one a day from 2020-01-01; the even ones are JNIM's. */
static int setup(void **state)
{
	char *err = NULL;
	(void)state;
	snprintf(path, sizeof(path), "%s/sitrep-test-session-%d.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	unlink(path);
	sqlite3 *db = db_open_rw(path, &err);
	if (!db ||
	    sqlite3_exec(
		db,
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
		" INSERT INTO event (id, kind, date_start, date_end, date_precision, title,"
		" admin1, origin, origin_id) SELECT i, 'incident', date('2020-01-01', '+' ||"
		" (i - 1) || ' days'), date('2020-01-01', '+' || (i - 1) || ' days'), 'day',"
		" 'event ' || i, 'Mopti', 'test', i FROM n;"
		"INSERT INTO actor (id, name) VALUES (1, 'JNIM');"
		"INSERT INTO actor_alias VALUES ('jnim', 'JNIM', 1), ('gsim', 'GSIM', 1);"
		"INSERT INTO event_actor SELECT id, 1, 'actor1' FROM event WHERE id % 2 = 0;",
		NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "# %s\n", err ? err : sqlite3_errmsg(db));
		return -1;
	}
	db_close(db);
	s = session_open(path, &err);
	if (!s) {
		fprintf(stderr, "# %s\n", err);
		free(err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	session_free(s);
	unlink(path);
	return 0;
}

static long long count(void)
{
	const struct query *q = session_query(s);
	long long n = -1;
	char *err = NULL;
	assert_int_equal(query_count(q, &n, &err), 0);
	return n;
}

/* One Enter on "actor:gsim region:mopti": parsed once, each name looked up
 * once, and the count and the page read with what that compile gave. */
static void test_one_parse_one_lookup_per_enter(void **state)
{
	struct filter_error err;
	(void)state;
	struct filter_counters before = filter_counters;
	assert_int_equal(session_set_filter(s, "actor:gsim", &err), 0);
	assert_int_equal(filter_counters.parses - before.parses, 1);
	assert_int_equal(filter_counters.lookups - before.lookups, 1);
	before = filter_counters;
	assert_int_equal(count(), 20);
	assert_string_equal(session_filter_text(s), "actor:gsim");
	/* reading pages and counts compiles nothing again */
	assert_int_equal(filter_counters.parses - before.parses, 0);
	assert_int_equal(filter_counters.lookups - before.lookups, 0);
}

/* Adding a chip parses the new term alone; toggling or removing one parses
 * nothing (the chips keep their trees). */
static void test_chips_keep_their_trees(void **state)
{
	struct filter_error err;
	(void)state;
	assert_int_equal(session_set_filter(s, "actor:gsim", &err), 0);
	struct filter_counters before = filter_counters;
	assert_int_equal(session_add_terms(s, "date:2020-01-01..2020-01-10", &err), 0);
	assert_int_equal(filter_counters.parses - before.parses, 1);
	assert_int_equal(count(), 5);
	before = filter_counters;
	assert_int_equal(session_toggle_chip(s, 0, &err), 0);
	assert_int_equal(count(), 10);
	assert_int_equal(session_remove_chip(s, 0, &err), 0);
	assert_int_equal(count(), 10);
	assert_int_equal(filter_counters.parses - before.parses, 0);
	assert_int_equal(session_chips(s)->n, 1);
}

/* A bad filter leaves the chips, the text and the version as they were. */
static void test_failed_change_keeps_the_filter(void **state)
{
	struct filter_error err;
	(void)state;
	assert_int_equal(session_set_filter(s, "actor:jnim", &err), 0);
	unsigned long v = session_version(s), fv = session_filter_version(s);
	assert_int_equal(session_set_filter(s, "actor:", &err), -1);
	assert_int_equal(session_set_filter(s, "since:notadate", &err), -1);
	assert_string_equal(session_filter_text(s), "actor:jnim");
	assert_int_equal(session_version(s), v);
	assert_int_equal(session_filter_version(s), fv);
	assert_int_equal(count(), 20);
}

/* The search and the settings move the version, not the filter's. */
static void test_versions(void **state)
{
	(void)state;
	unsigned long v = session_version(s), fv = session_filter_version(s);
	session_set_search(s, "Évent 3");
	assert_true(session_version(s) != v);
	assert_int_equal(session_filter_version(s), fv);
	assert_string_equal(session_search_folded(s), "event 3");
	v = session_version(s);
	session_settings(s)->descending = true;
	session_settings_changed(s);
	assert_true(session_version(s) != v);
	assert_int_equal(session_filter_version(s), fv);
	session_set_search(s, "");
	assert_null(session_search(s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_one_parse_one_lookup_per_enter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_chips_keep_their_trees, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_failed_change_keeps_the_filter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_versions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
