#include "config.h"
/* freq: the frequency view's groups. Counts, deaths and the filter's total
 * for each grouping; an actor named twice in an event (two roles) counts
 * it once; events with no value make one "none" group; the three sorts;
 * the limit keeps the largest groups and still says how many there are;
 * the filter's WHERE narrows every count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "sitrep/freq.h"
#include "testdb.h"

static char path[512];
static sqlite3 *db;
static struct sqlfrag all; /* no filter */

/* Six synthetic events over two regions, three actors (JNIM twice in
 * event 1, as actor1 and as claimant) and one event with no region. */
static int setup(void **state)
{
	(void)state;
	db =
	    testdb_open(path, sizeof(path), "freq",
			"INSERT INTO event (id, kind, date_start, date_end, date_precision, title,"
			" event_type, location, admin1, admin2, fatalities, origin, origin_id)"
			" VALUES"
			" (1, 'incident', '2022-01-05', '2022-01-05', 'day', 'e1', 'Battles',"
			"  'Alpha', 'Mopti', 'Djenne', 3, 'test', '1'),"
			" (2, 'incident', '2022-01-20', '2022-01-20', 'day', 'e2', 'Battles',"
			"  'Beta', 'Mopti', 'Bandiagara', 5, 'test', '2'),"
			" (3, 'incident', '2022-02-03', '2022-02-03', 'day', 'e3', 'Explosions',"
			"  'Gamma', 'Segou', 'Niono', NULL, 'test', '3'),"
			" (4, 'incident', '2023-03-01', '2023-03-01', 'day', 'e4', 'Battles',"
			"  'Gamma', 'Segou', 'Niono', 10, 'test', '4'),"
			" (5, 'incident', '2023-04-01', '2023-04-01', 'day', 'e5', 'Protests',"
			"  NULL, NULL, NULL, 0, 'test', '5'),"
			" (6, 'incident', '2023-05-01', '2023-05-01', 'day', 'e6', 'Battles',"
			"  'Alpha', 'Mopti', 'Djenne', 1, 'test', '6');"
			"INSERT INTO actor (id, name) VALUES (1, 'JNIM'), (2, 'FAMa'), (3, 'ISSP');"
			"INSERT INTO event_actor (event_id, actor_id, role) VALUES"
			" (1, 1, 'actor1'), (1, 1, 'claimed'), (1, 2, 'actor2'), (2, 1, 'actor1'),"
			" (3, 2, 'actor1'), (4, 3, 'actor1');");
	if (!db)
		return -1;
	sqlfrag_init(&all);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sqlfrag_free(&all);
	testdb_close(db, path);
	return 0;
}

static void load(const struct sqlfrag *where, enum freq_by by, enum freq_sort sort, int limit,
		 struct freq_table *t)
{
	char *err = NULL;
	int rc = freq_load(db, where, by, sort, limit, t, &err);
	if (rc != 0)
		fprintf(stderr, "# %s\n", err);
	assert_int_equal(rc, 0);
	free(err);
}

static void check_row(const struct freq_table *t, size_t i, const char *name, long events,
		      long long fatalities)
{
	assert_true(i < t->n);
	if (name)
		assert_string_equal(t->v[i].name, name);
	else
		assert_null(t->v[i].name);
	assert_int_equal(t->v[i].events, events);
	assert_int_equal(t->v[i].fatalities, fatalities);
}

static void test_regions_by_count(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_REGION, FREQ_BY_COUNT, 100, &t);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.groups, 3);
	assert_int_equal(t.total, 6);
	check_row(&t, 0, "Mopti", 3, 9);
	check_row(&t, 1, "Segou", 2, 10);
	check_row(&t, 2, NULL, 1, 0);
	freq_free(&t);
}

static void test_sorts(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_REGION, FREQ_BY_FATALITIES, 100, &t);
	check_row(&t, 0, "Segou", 2, 10);
	check_row(&t, 1, "Mopti", 3, 9);
	freq_free(&t);
	load(&all, FREQ_DISTRICT, FREQ_BY_NAME, 100, &t);
	assert_int_equal(t.n, 4);
	check_row(&t, 0, "Bandiagara", 1, 5);
	check_row(&t, 1, "Djenne", 2, 4);
	check_row(&t, 2, "Niono", 2, 10);
	check_row(&t, 3, NULL, 1, 0);
	freq_free(&t);
}

/* JNIM is actor1 and claimant of event 1: one event, its deaths once. */
static void test_actors_count_an_event_once(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_ACTOR, FREQ_BY_NAME, 100, &t);
	assert_int_equal(t.total, 6);
	assert_int_equal(t.n, 4);
	check_row(&t, 0, "FAMa", 2, 3);
	check_row(&t, 1, "ISSP", 1, 10);
	check_row(&t, 2, "JNIM", 2, 8);
	check_row(&t, 3, NULL, 2, 1); /* events 5 and 6 name no actor */
	freq_free(&t);
}

static void test_dates_types_places(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_MONTH, FREQ_BY_NAME, 100, &t);
	assert_int_equal(t.n, 5);
	check_row(&t, 0, "2022-01", 2, 8);
	check_row(&t, 4, "2023-05", 1, 1);
	freq_free(&t);
	load(&all, FREQ_YEAR, FREQ_BY_NAME, 100, &t);
	check_row(&t, 0, "2022", 3, 8);
	check_row(&t, 1, "2023", 3, 11);
	freq_free(&t);
	load(&all, FREQ_TYPE, FREQ_BY_COUNT, 100, &t);
	check_row(&t, 0, "Battles", 4, 19);
	freq_free(&t);
	load(&all, FREQ_PLACE, FREQ_BY_COUNT, 100, &t);
	check_row(&t, 0, "Gamma", 2, 10); /* ties on count: more deaths first */
	check_row(&t, 1, "Alpha", 2, 4);
	freq_free(&t);
}

/* The span is 2022-01-05 to 2023-05-01 (482 days): 16 parts of 30 days. */
static void test_sparkline_over_the_span(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_REGION, FREQ_BY_COUNT, 100, &t);
	assert_string_equal(t.first, "2022-01-05");
	assert_string_equal(t.last, "2023-05-01");
	long mopti[FREQ_SPARK] = {[0] = 2, [15] = 1}, segou[FREQ_SPARK] = {[0] = 1, [13] = 1};
	assert_memory_equal(t.v[0].spark, mopti, sizeof(mopti));
	assert_memory_equal(t.v[1].spark, segou, sizeof(segou));
	freq_free(&t);
}

static void test_limit_keeps_the_largest(void **state)
{
	struct freq_table t;
	(void)state;
	load(&all, FREQ_REGION, FREQ_BY_COUNT, 1, &t);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.groups, 3);
	assert_int_equal(t.total, 6);
	check_row(&t, 0, "Mopti", 3, 9);
	freq_free(&t);
}

static void test_filter_narrows(void **state)
{
	struct freq_table t;
	struct sqlfrag where;
	struct filter_error ferr;
	(void)state;
	sqlfrag_init(&where);
	assert_int_equal(filter_compile_count(db, "type:Battles", &where, &ferr), 0);
	load(&where, FREQ_REGION, FREQ_BY_COUNT, 100, &t);
	assert_int_equal(t.total, 4);
	assert_int_equal(t.n, 2);
	check_row(&t, 0, "Mopti", 3, 9);
	check_row(&t, 1, "Segou", 1, 10);
	freq_free(&t);
	sqlfrag_free(&where);

	sqlfrag_init(&where);
	assert_int_equal(filter_compile_count(db, "type:Riots", &where, &ferr), 0);
	load(&where, FREQ_ACTOR, FREQ_BY_COUNT, 100, &t);
	assert_int_equal(t.n, 0);
	assert_int_equal(t.total, 0);
	freq_free(&t);
	sqlfrag_free(&where);
}

/* Counting a row a step: the span comes first (no group yet), then the
 * groups grow one row at a time; any sort of what is counted needs no
 * new count; the end is what freq_load gives, sparklines too. */
static void test_counting_in_steps(void **state)
{
	struct freq_count c;
	struct freq_table t, whole;
	char *err = NULL;
	int rc, steps = 0;
	(void)state;

	assert_int_equal(freq_begin(db, &all, FREQ_ACTOR, &c, &err), 0);
	while (!c.span.done) {
		assert_int_equal(freq_step(&c, 1000, 1, &err), 1);
		assert_int_equal(c.ng, 0);
		steps++;
	}
	assert_int_equal(steps, 7); /* a row an event, then their end */
	assert_int_equal(c.span.events, 6);
	freq_result(&c, FREQ_BY_COUNT, 100, &t);
	assert_int_equal(t.total, 6);
	assert_string_equal(t.first, "2022-01-05");
	assert_string_equal(t.last, "2023-05-01");
	assert_int_equal(t.n, 0);
	freq_free(&t);
	/* a row a step, in whatever order the plan reads events: the groups
	 * never hold more than the rows read, and sort as asked meanwhile */
	for (long rows = 1; rows <= 3; rows++) {
		long sum = 0;
		assert_int_equal(freq_step(&c, 1000, 1, &err), 1);
		freq_result(&c, FREQ_BY_NAME, 100, &t);
		assert_true(t.n >= 1);
		for (size_t i = 0; i < t.n; i++) {
			sum += t.v[i].events;
			if (i && t.v[i].name && t.v[i - 1].name)
				assert_true(strcmp(t.v[i - 1].name, t.v[i].name) < 0);
		}
		assert_true(sum <= rows);
		assert_true(c.counted <= rows);
		freq_free(&t);
	}
	while ((rc = freq_step(&c, 1000, 1, &err)) > 0)
		;
	assert_int_equal(rc, 0);
	assert_true(c.done);
	freq_result(&c, FREQ_BY_FATALITIES, 100, &t);
	load(&all, FREQ_ACTOR, FREQ_BY_FATALITIES, 100, &whole);
	assert_int_equal(t.n, whole.n);
	for (size_t i = 0; i < t.n; i++) {
		check_row(&t, i, whole.v[i].name, whole.v[i].events, whole.v[i].fatalities);
		assert_memory_equal(t.v[i].spark, whole.v[i].spark, sizeof(t.v[i].spark));
	}
	freq_free(&t);
	freq_free(&whole);
	freq_count_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_regions_by_count),
	    cmocka_unit_test(test_sorts),
	    cmocka_unit_test(test_actors_count_an_event_once),
	    cmocka_unit_test(test_dates_types_places),
	    cmocka_unit_test(test_sparkline_over_the_span),
	    cmocka_unit_test(test_limit_keeps_the_largest),
	    cmocka_unit_test(test_filter_narrows),
	    cmocka_unit_test(test_counting_in_steps),
	};
	return cmocka_run_group_tests_name("freq", tests, setup, teardown);
}
