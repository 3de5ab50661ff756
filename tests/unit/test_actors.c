/* Unit tests: the actor panel's tree, sorting, search and an actor's
 * detail, against the bundled Mali data set ($SITREP_DB). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "sitrep/actors.h"
#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"

static sqlite3 *db;

static int setup(void **state)
{
	char *err = NULL;
	const char *path = getenv("SITREP_DB");

	db = path ? db_open_ro(path, &err) : NULL;
	if (!db)
		fprintf(stderr, "test_actors: needs SITREP_DB: %s\n", err ? err : "unset");
	return db ? 0 : -1;
}

static int teardown(void **state)
{
	db_close(db);
	return 0;
}

static void load(const char *filter, struct actor_list *l)
{
	struct sqlfrag w;
	struct filter_error fe;
	char *err = NULL;

	sqlfrag_init(&w);
	assert_int_equal(filter_compile(db, filter, &w, &fe), 0);
	assert_int_equal(actors_load(db, &w, l, &err), 0);
	sqlfrag_free(&w);
}

static long named(const struct actor_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Every node's parent comes before it, one level up. */
static void assert_tree(const struct actor_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		if (!l->v[i].parent_id) {
			assert_int_equal(l->v[i].depth, 0);
			continue;
		}
		long p = actors_index(l, l->v[i].parent_id);
		assert_true(p >= 0 && (size_t)p < i);
		assert_int_equal(l->v[i].depth, l->v[p].depth + 1);
	}
}

static void test_tree(void **state)
{
	struct actor_list l;

	load("", &l);
	long aqim = named(&l, "AQIM"), jnim = named(&l, "JNIM"), km = named(&l, "Katiba Macina");
	assert_true(aqim >= 0 && jnim > aqim && km > jnim);
	assert_int_equal(l.v[aqim].depth, 0);
	assert_int_equal(l.v[jnim].depth, 1);
	assert_int_equal(l.v[km].depth, 2);
	assert_int_equal(l.v[jnim].parent_id, l.v[aqim].id);
	assert_true(l.v[jnim].events > 0);
	assert_true(l.v[jnim].first[0] && strcmp(l.v[jnim].first, l.v[jnim].last) <= 0);
	assert_true(l.v[aqim].sub_events >= l.v[jnim].sub_events + l.v[aqim].events);
	assert_string_equal(l.v[jnim].kind, "non-state armed group");
	assert_tree(&l);
	actors_free(&l);
}

/* Each actor's figures against SQL that counts them its own way: an
 * actor with two roles in one event counts it once. */
static void test_counts_match_sql(void **state)
{
	struct actor_list l;
	sqlite3_stmt *st;

	load("", &l);
	assert_int_equal(
	    sqlite3_prepare_v2(db,
			       "SELECT count(DISTINCT ea.event_id), min(e.date_start),"
			       " (SELECT sum(fatalities) FROM event WHERE id IN (SELECT"
			       " event_id FROM event_actor WHERE actor_id = ?1))"
			       " FROM event_actor ea JOIN event e ON e.id = ea.event_id"
			       " WHERE ea.actor_id = ?1",
			       -1, &st, NULL),
	    SQLITE_OK);
	for (size_t i = 0; i < l.n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, l.v[i].id);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(l.v[i].events, sqlite3_column_int64(st, 0));
		assert_int_equal(l.v[i].fatalities, sqlite3_column_int64(st, 2));
		if (l.v[i].events)
			assert_string_equal(l.v[i].first, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	actors_free(&l);
}

/* Each actor's events and deaths by side against SQL: the first side is
 * actor1 or a claimant, the second actor2 or a target; an event counts
 * once on a side whatever roles put it there. */
static void test_sides_match_sql(void **state)
{
	struct actor_list l;
	sqlite3_stmt *st;
	static const char *const roles[ACTOR_SIDES] = {"'actor1', 'claimed'", "'actor2', 'target'"};

	load("", &l);
	for (int s = 0; s < ACTOR_SIDES; s++) {
		char sql[400];
		snprintf(sql, sizeof sql,
			 "SELECT count(*), total(e.fatalities) FROM event e WHERE e.id IN"
			 " (SELECT event_id FROM event_actor WHERE actor_id = ?1 AND role IN (%s))",
			 roles[s]);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
		for (size_t i = 0; i < l.n; i++) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, l.v[i].id);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			assert_int_equal(l.v[i].side_events[s], sqlite3_column_int64(st, 0));
			assert_int_equal(l.v[i].side_fatalities[s],
					 (long long)sqlite3_column_double(st, 1));
		}
		sqlite3_finalize(st);
	}
	long fama = named(&l, "FAMa");
	assert_true(fama >= 0);
	/* FAMa's deaths are mostly of events where it is the second side */
	assert_true(l.v[fama].side_fatalities[1] > l.v[fama].side_fatalities[0]);
	actors_free(&l);
}

/* The sparkline: each event in one part of the filter's span, so the
 * parts add up to the events; the span is the filter's first and last
 * day, read before any count. */
static void test_sparkline(void **state)
{
	struct actor_list l;

	load("", &l);
	assert_true(l.span.done);
	assert_int_equal(l.span.events, 114);
	char first[DATE_ISO_LEN];
	date_format(first, l.span.first);
	assert_string_equal(first, "2012-01-17");
	for (size_t i = 0; i < l.n; i++) {
		long sum = 0;
		for (int k = 0; k < ACTOR_SPARK; k++)
			sum += l.v[i].spark[k];
		assert_int_equal(sum, l.v[i].events);
	}
	long jnim = named(&l, "JNIM");
	assert_int_equal(l.v[jnim].spark[0], 0); /* JNIM was founded in 2017 */
	actors_free(&l);
}

/* A date known only to the month reads as a month: Wagner's first event
 * (December 2021) is "2021-12"; a day's date stays whole. */
static void test_month_dates(void **state)
{
	struct actor_list l;
	char d[DATE_ISO_LEN];

	load("", &l);
	long wagner = named(&l, "Wagner Group"), jnim = named(&l, "JNIM");
	assert_true(wagner >= 0 && jnim >= 0);
	assert_string_equal(l.v[wagner].first, "2021-12-01");
	assert_int_equal(l.v[wagner].first_prec, DATE_MONTH);
	actors_date(d, l.v[wagner].first, l.v[wagner].first_prec);
	assert_string_equal(d, "2021-12");
	assert_int_equal(l.v[wagner].last_prec, DATE_DAY);
	actors_date(d, l.v[jnim].first, l.v[jnim].first_prec);
	assert_string_equal(d, "2017-03-02");
	actors_date(d, "2021-12-01", DATE_YEAR);
	assert_string_equal(d, "2021");
	actors_date(d, "", DATE_MONTH);
	assert_string_equal(d, "");
	actors_free(&l);
}

static void test_steps(void **state)
{
	struct actor_list l;
	struct sqlfrag none;
	char *err = NULL;
	int rc, steps = 0;

	sqlfrag_init(&none);
	assert_int_equal(actors_begin(db, &none, &l, &err), 0);
	assert_false(l.done);
	while ((rc = actors_step(&l, 0, &err)) > 0)
		steps++;
	assert_int_equal(rc, 0);
	assert_true(l.done);
	assert_true(steps >= 1); /* 98 rows: a step ends after 64 with no time left */
	assert_true(named(&l, "JNIM") >= 0);
	actors_free(&l);
}

static void test_filter_keeps_ancestors(void **state)
{
	struct actor_list l;

	load("actor:=\"Katiba Macina\"", &l);
	long aqim = named(&l, "AQIM"), jnim = named(&l, "JNIM"), km = named(&l, "Katiba Macina");
	assert_true(aqim >= 0 && jnim >= 0 && km >= 0);
	/* JNIM shows as a node for the tree, with only the events it shares */
	assert_true(l.v[km].events > 0);
	assert_true(l.v[jnim].events <= l.v[km].events);
	assert_tree(&l);
	size_t n = l.n;
	actors_free(&l);
	load("", &l);
	assert_true(n < l.n); /* only the actors of those events */
	actors_free(&l);
	load("kind:context actor:nobody-at-all", &l);
	assert_int_equal(l.n, 0);
	actors_free(&l);
}

static void test_sorting(void **state)
{
	struct actor_list l;

	load("", &l);
	for (int k = 0; k < ACTORS_NSORTS; k++) {
		actors_sort(&l, (enum actors_sort)k);
		assert_tree(&l);
		/* roots in key order */
		long prev = -1;
		for (size_t i = 0; i < l.n; i++) {
			if (l.v[i].depth)
				continue;
			if (prev >= 0 && k == ACTORS_BY_COUNT)
				assert_true(l.v[prev].sub_events >= l.v[i].sub_events);
			if (prev >= 0 && k == ACTORS_BY_FATALITIES)
				assert_true(l.v[prev].sub_fatalities >= l.v[i].sub_fatalities);
			if (prev >= 0 && k == ACTORS_BY_NAME)
				assert_true(strcasecmp(l.v[prev].name, l.v[i].name) <= 0);
			if (prev >= 0 && k == ACTORS_BY_LAST)
				assert_true(strcmp(l.v[prev].sub_last, l.v[i].sub_last) >= 0);
			prev = (long)i;
		}
	}
	enum actors_sort s;
	assert_int_equal(actors_sort_parse("last-seen", &s), 0);
	assert_int_equal(s, ACTORS_BY_LAST);
	assert_string_equal(actors_sort_name(ACTORS_BY_FATALITIES), "fatalities");
	actors_free(&l);
}

static void test_search(void **state)
{
	struct actor_list l;

	load("", &l);
	long jnim = named(&l, "JNIM");
	assert_int_equal(actors_find(&l, "gsim", -1, 1), jnim); /* by alias */
	assert_int_equal(actors_find(&l, "support of islam", 0, 1), jnim);
	long w = actors_find(&l, "WAGNER", 0, 1);
	assert_true(w >= 0);
	assert_string_equal(l.v[w].name, "Wagner Group");
	assert_int_equal(actors_find(&l, "wagner", w, 1), w); /* wraps to itself */
	assert_int_equal(actors_find(&l, "no such actor", 0, -1), -1);
	actors_free(&l);
}

static void test_detail(void **state)
{
	struct actor_list l;
	struct actor_detail d;
	char *err = NULL;

	load("", &l);
	long long id = l.v[named(&l, "JNIM")].id;
	assert_int_equal(actor_detail_load(db, id, 3, &d, &err), 0);
	assert_string_equal(d.name, "JNIM");
	assert_string_equal(d.parent.name, "AQIM");
	bool gsim = false, long_name = false, km = false;
	for (size_t i = 0; i < d.naliases; i++) {
		gsim |= strcmp(d.aliases[i], "GSIM") == 0;
		long_name |= strcmp(d.aliases[i], "Group for Support of Islam and Muslims") == 0;
		assert_string_not_equal(d.aliases[i], "JNIM");
	}
	for (size_t i = 0; i < d.nchildren; i++)
		km |= strcmp(d.children[i].name, "Katiba Macina") == 0;
	assert_true(gsim && long_name && km);
	assert_non_null(d.description);
	assert_true(d.events > 0 && d.nmonths >= 1 && d.nmonths <= 3);
	for (size_t i = 1; i < d.nmonths; i++)
		assert_true(d.months[i - 1].events >= d.months[i].events);
	assert_int_equal(strlen(d.months[0].month), 7);
	/* the panel's figures for it with no filter: the same by side */
	const struct actor_node *n = &l.v[named(&l, "JNIM")];
	assert_int_equal(d.events, n->events);
	for (int s = 0; s < ACTOR_SIDES; s++) {
		assert_int_equal(d.side_events[s], n->side_events[s]);
		assert_int_equal(d.side_fatalities[s], n->side_fatalities[s]);
	}
	assert_int_equal(d.first_prec, DATE_DAY);
	actor_detail_free(&d);
	id = l.v[named(&l, "Wagner Group")].id;
	assert_int_equal(actor_detail_load(db, id, 3, &d, &err), 0);
	assert_int_equal(d.first_prec, DATE_MONTH); /* December 2021 */
	assert_int_equal(d.last_prec, DATE_DAY);
	actor_detail_free(&d);
	assert_int_equal(actor_detail_load(db, 999999, 3, &d, &err), 1);
	actors_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree),      cmocka_unit_test(test_counts_match_sql),
	    cmocka_unit_test(test_steps),     cmocka_unit_test(test_filter_keeps_ancestors),
	    cmocka_unit_test(test_sorting),   cmocka_unit_test(test_search),
	    cmocka_unit_test(test_detail),    cmocka_unit_test(test_sides_match_sql),
	    cmocka_unit_test(test_sparkline), cmocka_unit_test(test_month_dates),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
