/* Unit tests: context layers (layer.h, layer_set.h). A layer over a
 * browsed file keeps its context events in the file's countries and not
 * the ones the file holds already (same origin and origin id); a file the
 * user names keeps every event; the filter reaches the layer's events in
 * their own file; their ids never meet the file's own and lead back to
 * the layer; and the query counts them with the file's (extra rows).
 * The events are a test fixture, made up (titles say so). */
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
#include "sitrep/filter.h"
#include "sitrep/layer_set.h"
#include "sitrep/query.h"
#include "sitrep/store.h"
#include "sitrep/util.h"

static char dir[256], browsed_path[300], layer_path[300];

struct ev {
	const char *kind, *date, *title, *country, *origin, *origin_id, *actor;
};

static void make_db(const char *path, const struct ev *v, size_t n)
{
	char *err = NULL;
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	assert_int_equal(store_begin(s, &err), 0);
	for (size_t i = 0; i < n; i++) {
		struct event_in e;
		event_in_init(&e);
		e.kind = v[i].kind;
		assert_int_equal(date_parse_iso(v[i].date, &e.date), 0);
		e.title = v[i].title;
		e.country = v[i].country;
		e.origin = v[i].origin;
		e.origin_id = v[i].origin_id;
		struct actor_in a = {v[i].actor, "actor1"};
		e.actors = v[i].actor ? &a : NULL;
		e.nactors = v[i].actor ? 1 : 0;
		enum store_result res;
		assert_int_equal(store_event(s, &e, &res, &err), 0);
	}
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
}

static const struct ev browsed_events[] = {
    {"incident", "2022-03-01", "Fixture incident in Mali", "Mali", "acled", "MLI1", "JNIM"},
    {"incident", "2022-04-01", "Fixture incident in Niger", "Niger", "acled", "NIG1", NULL},
};
static const struct ev layer_events[] = {
    {"context", "2022-08-15", "Fixture: last unit leaves", "Mali", "sitrep", "ctx-1",
     "Operation Barkhane"},
    {"context", "2021-12-01", "Fixture: Wagner arrives", "Mali", "sitrep", "ctx-2", "Wagner Group"},
    {"context", "2022-01-01", "Fixture: elsewhere", "Chad", "sitrep", "ctx-3", NULL},
    /* the browsed file holds it already: never shown twice */
    {"context", "2022-03-01", "Fixture incident in Mali", "Mali", "acled", "MLI1", NULL},
    {"incident", "2022-05-01", "Fixture: a layer's incident", "Mali", "sitrep", "inc-1", NULL},
};

static int setup(void **state)
{
	snprintf(dir, sizeof dir, "%s/sitrep-test-layer-%d",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	char *cmd = xasprintf("mkdir -p '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	snprintf(browsed_path, sizeof browsed_path, "%s/browsed.db", dir);
	snprintf(layer_path, sizeof layer_path, "%s/layer.db", dir);
	make_db(browsed_path, browsed_events, ARRAY_SIZE(browsed_events));
	make_db(layer_path, layer_events, ARRAY_SIZE(layer_events));
	return rc == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static struct filter_node *parse(const char *text)
{
	struct filter_node *tree = NULL;
	struct filter_error ferr;
	assert_int_equal(filter_parse(text, &tree, &ferr), 0);
	return tree;
}

/* browsed opened read-only with the layer at path added to *ls: the add's
 * result must be want (1 added, 0 nothing applies, -1 an error). */
static sqlite3 *open_with_layer(const char *browsed, struct layer_set *ls, const char *name,
				const char *path, enum layer_scope scope, int want)
{
	char *err = NULL;
	sqlite3 *db = db_open_ro(browsed, &err);
	assert_non_null(db);
	layer_set_init(ls);
	assert_int_equal(layer_set_add(ls, name, path, scope, db, NULL, &err), want);
	if (want < 0)
		assert_non_null(err);
	free(err);
	return db;
}

static void test_context_here(void **state)
{
	char *err = NULL;
	struct layer_set ls;
	sqlite3 *db =
	    open_with_layer(browsed_path, &ls, "bundled", layer_path, LAYER_CONTEXT_HERE, 1);
	/* Mali's two context events: not Chad's, not the copy, not the incident */
	assert_int_equal(ls.extra.n, 2);
	assert_string_equal(ls.extra.v[0].title, "Fixture: Wagner arrives"); /* timeline order */
	assert_string_equal(ls.extra.v[1].title, "Fixture: last unit leaves");
	for (size_t i = 0; i < ls.extra.n; i++) {
		assert_true(ls.extra.v[i].id < 0); /* never one of the file's own */
		long long own;
		const char *name;
		assert_ptr_equal(layer_set_db_of(&ls, db, ls.extra.v[i].id, &own, &name),
				 ls.layers[0].db);
		assert_string_equal(name, "bundled");
		assert_true(own > 0);
	}
	long long own;
	const char *name;
	assert_ptr_equal(layer_set_db_of(&ls, db, 1, &own, &name), db); /* the file's own */
	assert_null(name);

	/* the query counts the layer's with the file's */
	struct sqlfrag where;
	sqlfrag_init(&where);
	struct query q = {.db = db, .where = &where, .extra = &ls.extra};
	long long count;
	assert_int_equal(query_count(&q, &count, &err), 0);
	assert_int_equal(count, 2 + 2);

	/* the filter reaches the layer, in the layer's own file */
	struct filter_node *tree = parse("Wagner");
	layer_set_filter(&ls, tree);
	filter_free(tree);
	assert_int_equal(ls.extra.n, 1);
	assert_string_equal(ls.extra.v[0].title, "Fixture: Wagner arrives");
	tree = parse("actor:\"Operation Barkhane\"");
	layer_set_filter(&ls, tree);
	filter_free(tree);
	assert_int_equal(ls.extra.n, 1);
	assert_string_equal(ls.extra.v[0].title, "Fixture: last unit leaves");
	layer_set_filter(&ls, NULL); /* no filter: every kept event again */
	assert_int_equal(ls.extra.n, 2);

	struct strbuf names = STRBUF_INIT;
	assert_int_equal(layer_set_names(&ls, &names), 1);
	assert_string_equal(sb_str(&names), "bundled");
	sb_free(&names);
	sqlfrag_free(&where);
	layer_set_free(&ls);
	db_close(db);
}

static void test_every_event(void **state)
{
	struct layer_set ls;
	sqlite3 *db =
	    open_with_layer(browsed_path, &ls, "office", layer_path, LAYER_EVERY_EVENT, 1);
	/* every event but the one the browsed file holds already */
	assert_int_equal(ls.extra.n, 4);
	for (size_t i = 0; i < ls.extra.n; i++)
		assert_string_not_equal(ls.extra.v[i].title, "Fixture incident in Mali");
	layer_set_free(&ls);
	db_close(db);
}

static void test_nothing_applies(void **state)
{
	/* a browsed file of Niger only: no country in common with the
	 * layer's context events */
	char path[320];
	snprintf(path, sizeof path, "%s/niger.db", dir);
	make_db(path, browsed_events + 1, 1);
	struct layer_set ls;
	sqlite3 *db = open_with_layer(path, &ls, "bundled", layer_path, LAYER_CONTEXT_HERE, 0);
	assert_int_equal(ls.n, 0); /* not kept: nothing of it applies */
	assert_int_equal(ls.extra.n, 0);
	layer_set_free(&ls);
	db_close(db);
}

static void test_missing_file(void **state)
{
	char path[320];
	snprintf(path, sizeof path, "%s/none.db", dir);
	struct layer_set ls;
	sqlite3 *db = open_with_layer(browsed_path, &ls, "none", path, LAYER_EVERY_EVENT, -1);
	assert_int_equal(ls.n, 0);
	layer_set_free(&ls);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_context_here),
	    cmocka_unit_test(test_every_event),
	    cmocka_unit_test(test_nothing_applies),
	    cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
