/* Unit tests: the notebook. Marks attach to origin ids and come back; a
 * star toggles; the same mark twice is one, two notes are two; marks
 * survive a re-import (the event's sitrep id changes, its origin id does
 * not) and stay when their event is gone; an export merged into another
 * notebook is the union; filters see the marks once attached. */
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
#include "sitrep/notebook.h"
#include "sitrep/query.h"
#include "sitrep/util.h"

static char dir[256], nb_path[300], nb2_path[300], db_path[300];

static int setup(void **state)
{
	snprintf(dir, sizeof dir, "%s/sitrep-test-nb-%d",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	/* the notebook's directory is made on demand, two levels deep */
	snprintf(nb_path, sizeof nb_path, "%s/a/b/mine.notes", dir);
	snprintf(nb2_path, sizeof nb2_path, "%s/theirs.notes", dir);
	snprintf(db_path, sizeof db_path, "%s/events.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static const struct mark_target kati = {"acled", "MLI100", "Attack on Kati", "2022-07-22"};
static const struct mark_target moura = {"acled", "MLI200", "Moura", "2022-03-27"};

static size_t count_marks(struct notebook *nb, const struct mark_target *t)
{
	struct mark *v;
	size_t n;
	char *err = NULL;
	assert_int_equal(
	    notebook_marks(nb, t ? t->origin : NULL, t ? t->origin_id : NULL, &v, &n, &err), 0);
	marks_free(v, n);
	return n;
}

static void test_marks(void **state)
{
	char *err = NULL;
	assert_null(notebook_open(nb_path, false, &err)); /* not made by a read */
	assert_null(err);
	struct notebook *nb = notebook_open(nb_path, true, &err);
	assert_non_null(nb);
	bool on;
	assert_int_equal(notebook_toggle_star(nb, &kati, "ana", &on, &err), 0);
	assert_true(on);
	assert_int_equal(notebook_toggle_star(nb, &kati, "ana", &on, &err), 0);
	assert_false(on);
	assert_int_equal(notebook_toggle_star(nb, &kati, "ana", &on, &err), 0);
	assert_true(on);
	assert_int_equal(notebook_toggle_star(nb, &kati, "bo", &on, &err), 0); /* another's star */
	assert_int_equal(notebook_tag(nb, &kati, "ana", "claimed", false, &err), 0);
	assert_int_equal(notebook_tag(nb, &kati, "ana", "claimed", false, &err), 0); /* once */
	assert_int_equal(notebook_tag(nb, &moura, "ana", "massacre", false, &err), 0);
	assert_int_equal(notebook_tag(nb, &moura, "ana", "wrong", false, &err), 0);
	assert_int_equal(notebook_tag(nb, &moura, "ana", "wrong", true, &err), 0); /* taken off */
	assert_int_equal(notebook_note(nb, &kati, "ana", "first line\nsecond line", &err), 0);
	assert_int_equal(notebook_note(nb, &kati, "ana", "another note", &err), 0);
	assert_int_equal(count_marks(nb, &kati), 5); /* 2 stars, 1 tag, 2 notes */
	assert_int_equal(count_marks(nb, &moura), 1);

	struct mark *v;
	size_t n;
	assert_int_equal(notebook_marks(nb, kati.origin, kati.origin_id, &v, &n, &err), 0);
	bool multi = false;
	for (size_t i = 0; i < n; i++)
		multi |=
		    v[i].kind == MARK_NOTE && strcmp(v[i].value, "first line\nsecond line") == 0;
	assert_true(multi);
	assert_string_equal(v[0].title, "Attack on Kati");
	marks_free(v, n);

	char **tags;
	assert_int_equal(notebook_tags(nb, &tags, &n, 10, &err), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
	notebook_close(nb);
}

/* A database holding Kati (not Moura): filters by marks, after an import
 * that gives the event another sitrep id. */
static void make_db(long long id)
{
	char *err = NULL;
	unlink(db_path);
	sqlite3 *db = db_open_rw(db_path, &err);
	assert_non_null(db);
	char *sql =
	    sqlite3_mprintf("INSERT INTO event (id, kind, date_start, date_end, date_precision,"
			    " title, origin, origin_id) VALUES (%lld, 'incident', '2022-07-22',"
			    " '2022-07-22', 'day', 'Attack on Kati', 'acled', 'MLI100'),"
			    " (%lld, 'incident', '2022-07-23', '2022-07-23', 'day', 'Other',"
			    " 'acled', 'MLI101')",
			    id, id + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	db_close(db);
}

static long long matches(sqlite3 *db, const char *filter)
{
	struct sqlfrag w;
	struct filter_error fe;
	char *err = NULL;
	long long n = -1;
	sqlfrag_init(&w);
	assert_int_equal(filter_compile(db, filter, &w, &fe), 0);
	struct query q = {.db = db, .where = &w};
	assert_int_equal(query_count(&q, &n, &err), 0);
	sqlfrag_free(&w);
	return n;
}

static void test_filters_and_reimport(void **state)
{
	char *err = NULL;
	for (long long id = 1; id <= 1000; id += 999) { /* the same events, new sitrep ids */
		make_db(id);
		sqlite3 *db = db_open_ro(db_path, &err);
		assert_non_null(db);
		assert_int_equal(matches(db, "starred"), 0); /* no notebook: nothing marked */
		assert_int_equal(notebook_attach(db, nb_path, &err), 0);
		assert_true(notebook_attached(db));
		assert_int_equal(matches(db, "starred"), 1);
		assert_int_equal(matches(db, "-starred"), 1);
		assert_int_equal(matches(db, "starred:no"), 1);
		assert_int_equal(matches(db, "tag:CLAIMED"), 1);
		assert_int_equal(matches(db, "tag:massacre"), 0); /* Moura is not in this file */
		assert_int_equal(matches(db, "note:second"), 1);
		assert_int_equal(matches(db, "note:nowhere"), 0);
		db_close(db);
	}
	/* Moura's mark stays, though its event is in no file */
	struct notebook *nb = notebook_open(nb_path, false, &err);
	assert_non_null(nb);
	assert_int_equal(count_marks(nb, &moura), 1);
	notebook_close(nb);
}

static void test_merge(void **state)
{
	char *err = NULL;
	struct notebook *mine = notebook_open(nb_path, false, &err);
	struct notebook *theirs = notebook_open(nb2_path, true, &err);
	assert_non_null(mine);
	assert_non_null(theirs);
	assert_int_equal(notebook_note(theirs, &kati, "bo", "their note", &err), 0);
	assert_int_equal(notebook_tag(theirs, &kati, "ana", "claimed", false, &err),
			 0); /* a copy */

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(notebook_export(theirs, f, &err), 0);
	fclose(f);
	long added, kept;
	size_t before = count_marks(mine, NULL);
	f = fmemopen(buf, len, "r");
	assert_int_equal(notebook_import(mine, f, "theirs", &added, &kept, &err), 0);
	fclose(f);
	assert_int_equal(added, 1);
	assert_int_equal(kept, 1);
	assert_int_equal(count_marks(mine, NULL), before + 1);

	/* a bad line: nothing of the file lands, the line is named */
	static const char bad[] =
	    "{\"origin\":\"acled\",\"origin_id\":\"X1\",\"kind\":\"tag\","
	    "\"value\":\"t\",\"author\":\"a\",\"created\":\"2025\"}\nnot json\n";
	f = fmemopen((void *)bad, sizeof bad - 1, "r");
	assert_int_equal(notebook_import(mine, f, "bad.jsonl", &added, &kept, &err), -1);
	fclose(f);
	assert_non_null(strstr(err, "bad.jsonl:2"));
	free(err);
	assert_int_equal(count_marks(mine, NULL), before + 1);
	free(buf);
	notebook_close(mine);
	notebook_close(theirs);
}

static void test_not_a_notebook(void **state)
{
	char *err = NULL;
	make_db(1); /* a sitrep database is not a notebook */
	assert_null(notebook_open(db_path, true, &err));
	assert_non_null(strstr(err, "not a sitrep notebook"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_marks),
	    cmocka_unit_test(test_filters_and_reimport),
	    cmocka_unit_test(test_merge),
	    cmocka_unit_test(test_not_a_notebook),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
