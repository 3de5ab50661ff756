/* Unit tests: density counts per bucket on a small generated database:
 * empty buckets, weeks across New Year, month-precision events, filters,
 * counting in steps, the cache of recent filters; the unfiltered counts
 * taken from event_day, and the pass whenever that table cannot be
 * trusted (a total that disagrees with the events, found by the check
 * after the first screen; a row no import writes; no table). */
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
#include "sitrep/density.h"
#include "sitrep/filter.h"
#include "sitrep/util.h"

static char path[256];
static sqlite3 *db;

static void add(int n, const char *kind, const char *start, const char *end, const char *prec)
{
	static int id;

	for (int i = 0; i < n; i++) {
		char *sql = sqlite3_mprintf(
		    "INSERT INTO event (kind, date_start, date_end, date_precision, title,"
		    " origin, origin_id) VALUES (%Q, %Q, %Q, %Q, 'test', 'test', 't%d')",
		    kind, start, end, prec, ++id);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		sqlite3_free(sql);
	}
}

static int setup(void **state)
{
	char *err = NULL;

	snprintf(path, sizeof(path), "%s/sitrep-test-density-%d.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	unlink(path);
	db = db_open_rw(path, &err);
	if (!db)
		return -1;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	add(1, "incident", "2021-12-31", "2021-12-31", "day");
	add(1, "context", "2022-01-01", "2022-01-01", "day");
	add(2, "incident", "2022-01-03", "2022-01-03", "day");
	add(1, "incident", "2022-02-01", "2022-02-28", "month");
	add(1, "incident", "2024-02-29", "2024-02-29", "day");
	add(1000, "incident", "2024-03-01", "2024-03-01", "day");
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return 0;
}

static int teardown(void **state)
{
	db_close(db);
	unlink(path);
	return 0;
}

static long day(const char *iso)
{
	struct date_span s;

	assert_int_equal(date_parse_iso(iso, &s), 0);
	return s.start;
}

static struct density_counts at(struct density *d, enum bucket_zoom z, const char *iso)
{
	return density_bucket(d, z, bucket_of(z, day(iso)));
}

static struct density *counted(const char *filter)
{
	char *err = NULL;
	struct sqlfrag w;
	struct filter_error fe;
	struct density *d = density_new(db, &err);

	assert_non_null(d);
	sqlfrag_init(&w);
	assert_int_equal(filter_compile(db, filter, &w, &fe), 0);
	assert_int_equal(density_set_filter(d, filter, &w, &err), 0);
	sqlfrag_free(&w);
	assert_int_equal(density_run(d, &err), 0);
	assert_true(density_done(d));
	return d;
}

static void test_years_and_empty(void **state)
{
	struct density *d = counted("");
	struct density_counts c;

	c = at(d, ZOOM_YEAR, "2021-06-01");
	assert_int_equal(c.incidents, 1);
	assert_int_equal(c.context, 0);
	c = at(d, ZOOM_YEAR, "2022-06-01");
	assert_int_equal(c.incidents, 3);
	assert_int_equal(c.context, 1);
	c = at(d, ZOOM_YEAR, "2023-06-01"); /* empty, not skipped */
	assert_int_equal(c.incidents + c.context, 0);
	c = at(d, ZOOM_YEAR, "2024-06-01");
	assert_int_equal(c.incidents, 1001);
	long first, last;
	assert_true(density_range(d, &first, &last));
	assert_int_equal(first, day("2021-12-31"));
	assert_int_equal(last, day("2024-03-01"));
	assert_int_equal(density_max(d, ZOOM_YEAR, 2021, 2024), 1001);
	long long n = 0;
	assert_true(density_total(d, "", &n));
	assert_int_equal(n, 1006);
	density_free(d);
}

/* A layer's events (extra rows) count in the buckets and the range, even
 * outside the file's own dates, and never in the file's total. */
static void test_extra_rows(void **state)
{
	struct density *d = counted("");
	struct event_row rows[3];
	memset(rows, 0, sizeof rows);
	snprintf(rows[0].date_start, sizeof rows[0].date_start, "2012-03-21");
	rows[0].context = true;
	snprintf(rows[1].date_start, sizeof rows[1].date_start, "2022-01-05");
	rows[1].context = true;
	snprintf(rows[2].date_start, sizeof rows[2].date_start, "2022-01-06");
	struct row_set extra = {rows, 3};
	density_set_extra(d, &extra);

	struct density_counts c = at(d, ZOOM_YEAR, "2012-06-01");
	assert_int_equal(c.context, 1);
	assert_int_equal(c.incidents, 0);
	c = at(d, ZOOM_YEAR, "2022-06-01");
	assert_int_equal(c.context, 2);
	assert_int_equal(c.incidents, 4);
	long first, last;
	assert_true(density_range(d, &first, &last));
	assert_int_equal(first, day("2012-03-21"));
	assert_int_equal(last, day("2024-03-01"));
	long long n = 0;
	assert_true(density_total(d, "", &n));
	assert_int_equal(n, 1006);
	struct row_set none = {NULL, 0};
	density_set_extra(d, &none);
	assert_int_equal(at(d, ZOOM_YEAR, "2012-06-01").context, 0);
	density_free(d);
}

static void test_weeks_and_months(void **state)
{
	struct density *d = counted("");
	struct density_counts c;

	c = at(d, ZOOM_WEEK, "2021-12-27"); /* 2021-W52 runs to 2 January */
	assert_int_equal(c.incidents, 1);
	assert_int_equal(c.context, 1);
	c = at(d, ZOOM_WEEK, "2022-01-03");
	assert_int_equal(c.incidents, 2);
	/* the month-precision event counts on its first day, once */
	c = at(d, ZOOM_DAY, "2022-02-01");
	assert_int_equal(c.incidents, 1);
	c = at(d, ZOOM_DAY, "2022-02-15");
	assert_int_equal(c.incidents, 0);
	c = at(d, ZOOM_MONTH, "2022-02-15");
	assert_int_equal(c.incidents, 1);
	c = at(d, ZOOM_QUARTER, "2022-03-31");
	assert_int_equal(c.incidents, 3);
	assert_int_equal(c.context, 1);
	c = at(d, ZOOM_DAY, "2024-02-29"); /* leap day */
	assert_int_equal(c.incidents, 1);
	c = at(d, ZOOM_MONTH, "2024-02-01");
	assert_int_equal(c.incidents, 1);
	density_free(d);
}

static void test_filtered(void **state)
{
	struct density *d = counted("kind:context");
	struct density_counts c = at(d, ZOOM_YEAR, "2022-01-01");

	assert_int_equal(c.incidents, 0);
	assert_int_equal(c.context, 1);
	c = at(d, ZOOM_YEAR, "2024-01-01");
	assert_int_equal(c.incidents + c.context, 0);
	long long n = 0;
	assert_true(density_total(d, "kind:context", &n));
	assert_int_equal(n, 1);
	assert_false(density_total(d, "", &n)); /* never counted */
	density_free(d);
	d = counted("-kind:context since:2022");
	c = at(d, ZOOM_YEAR, "2022-01-01");
	assert_int_equal(c.incidents, 3);
	assert_int_equal(c.context, 0);
	c = at(d, ZOOM_YEAR, "2021-01-01");
	assert_int_equal(c.incidents, 0);
	density_free(d);
}

static void test_steps_and_cache(void **state)
{
	char *err = NULL;
	struct sqlfrag none, ctx;
	struct filter_error fe;
	struct density *d = density_new(db, &err);
	int steps = 0, rc;

	sqlfrag_init(&none);
	sqlfrag_init(&ctx);
	assert_int_equal(filter_compile(db, "kind:context", &ctx, &fe), 0);
	assert_int_equal(density_set_filter(d, "", &none, &err), 0);
	assert_false(density_done(d)); /* event_day has no row: not taken */
	long long n;
	assert_false(density_total(d, "", &n)); /* not before the end */
	/* with no time at all, a step still makes progress, a bounded amount */
	while ((rc = density_step(d, 0, &err)) > 0) {
		steps++;
		assert_true(at(d, ZOOM_YEAR, "2024-01-01").incidents <= 1001);
	}
	assert_int_equal(rc, 0);
	assert_true(steps >= 3);
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 1001);
	assert_int_equal(density_set_filter(d, "kind:context", &ctx, &err), 0);
	assert_int_equal(density_run(d, &err), 0);
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 0);
	/* back to the first filter: cached, finished without a step */
	assert_int_equal(density_set_filter(d, "", &none, &err), 0);
	assert_true(density_done(d));
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 1001);
	sqlfrag_free(&none);
	sqlfrag_free(&ctx);
	density_free(d);
}

static void exec_ok(const char *sql)
{
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* event_day as an import leaves it. */
static void count_days(void)
{
	char *err = NULL;

	exec_ok("BEGIN");
	assert_int_equal(db_count_days(db, &err), 0);
	exec_ok("COMMIT");
}

/* Back to the fixture's state: an event_day table with no rows, whose
 * total (NULL) never matches, so the other tests count with passes. */
static int empty_days(void **state)
{
	char *create = db_schema_statement("CREATE TABLE event_day");

	(void)state;
	assert_non_null(create);
	exec_ok("DROP TABLE IF EXISTS event_day");
	exec_ok(create);
	free(create);
	return 0;
}

/* The unfiltered counter, set but not stepped. */
static struct density *unfiltered(void)
{
	char *err = NULL;
	struct sqlfrag none;
	struct density *d = density_new(db, &err);

	assert_non_null(d);
	sqlfrag_init(&none);
	assert_int_equal(density_set_filter(d, "", &none, &err), 0);
	sqlfrag_free(&none);
	return d;
}

/* Every bucket of every zoom over the data's range, and the range. */
static void assert_same_counts(struct density *a, struct density *b)
{
	long fa, la, fb, lb;

	assert_true(density_range(a, &fa, &la));
	assert_true(density_range(b, &fb, &lb));
	assert_int_equal(fa, fb);
	assert_int_equal(la, lb);
	for (int z = 0; z < ZOOM_COUNT; z++)
		for (long k = bucket_of(z, fa) - 1; k <= bucket_of(z, la) + 1; k++) {
			struct density_counts x = density_bucket(a, z, k),
					      y = density_bucket(b, z, k);
			assert_int_equal(x.incidents, y.incidents);
			assert_int_equal(x.context, y.context);
		}
}

/* The counter on a trustworthy event_day is complete before any step, and
 * says what a pass over the events says; one step checks it and leaves
 * it as it is. */
static void test_days_same_as_pass(void **state)
{
	struct density *pass = counted("");
	char *err = NULL;

	count_days();
	struct density *days = unfiltered();
	assert_true(density_done(days));
	assert_false(density_settled(days));
	assert_same_counts(days, pass);
	long long n = 0;
	assert_true(density_total(days, "", &n));
	assert_int_equal(n, 1006);
	assert_int_equal(density_step(days, 0, &err), 0);
	assert_true(density_settled(days));
	assert_same_counts(days, pass);
	assert_int_equal(at(days, ZOOM_YEAR, "2024-01-01").incidents, 1001);
	assert_int_equal(at(days, ZOOM_WEEK, "2021-12-27").context, 1);
	density_free(days);
	density_free(pass);
	/* a filter is always counted by a pass */
	days = counted("kind:context");
	assert_int_equal(at(days, ZOOM_YEAR, "2024-01-01").incidents, 0);
	density_free(days);
}

/* A total that disagrees with count(*) (an event added or removed in the
 * sqlite3 shell since the import): the check withdraws the counts and the
 * pass makes them again. */
static void test_days_disagree(void **state)
{
	char *err = NULL;
	long long n;

	count_days();
	exec_ok("UPDATE event_day SET events = events + 1 WHERE date_start = '2024-03-01'");
	struct density *d = unfiltered();
	assert_true(density_done(d)); /* unchecked: the first screen shows it */
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 1002);
	assert_int_equal(density_step(d, 0, &err), 1);
	assert_false(density_done(d));
	assert_false(density_total(d, "", &n));
	assert_int_equal(density_run(d, &err), 0);
	assert_true(density_settled(d));
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 1001);
	assert_true(density_total(d, "", &n));
	assert_int_equal(n, 1006);
	density_free(d);
}

/* Rows no import writes (here a negative count, the total still right):
 * not taken at all, the pass counts. */
static void test_days_bad_rows(void **state)
{
	count_days();
	exec_ok("UPDATE event_day SET events = events + 2 WHERE date_start = '2024-03-01';"
		"UPDATE event_day SET events = -1 WHERE date_start = '2024-02-29'");
	struct density *d = unfiltered();
	assert_false(density_done(d));
	char *err = NULL;
	assert_int_equal(density_run(d, &err), 0);
	struct density *pass = counted("");
	assert_same_counts(d, pass);
	density_free(pass);
	density_free(d);
}

/* A version 1 file has no event_day: the pass, as before. */
static void test_no_days_table(void **state)
{
	exec_ok("DROP TABLE event_day");
	struct density *d = unfiltered();
	assert_false(density_done(d));
	char *err = NULL;
	assert_int_equal(density_run(d, &err), 0);
	assert_int_equal(at(d, ZOOM_YEAR, "2024-01-01").incidents, 1001);
	assert_int_equal(at(d, ZOOM_YEAR, "2022-01-01").context, 1);
	density_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_years_and_empty),
	    cmocka_unit_test(test_weeks_and_months),
	    cmocka_unit_test(test_extra_rows),
	    cmocka_unit_test(test_filtered),
	    cmocka_unit_test(test_steps_and_cache),
	    cmocka_unit_test_teardown(test_days_same_as_pass, empty_days),
	    cmocka_unit_test_teardown(test_days_disagree, empty_days),
	    cmocka_unit_test_teardown(test_days_bad_rows, empty_days),
	    cmocka_unit_test_teardown(test_no_days_table, empty_days),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
