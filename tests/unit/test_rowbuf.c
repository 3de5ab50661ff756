#include "config.h"
/* rowbuf: the timeline's window of rows. Moves and refills by key, and a
 * refill that fails (the file locked by another program's write) leaves
 * the window and the cursor as they were; a cleared window says it is
 * unread until a refill succeeds; the errors, and a filter's, name the
 * lock's likely cause. */
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
#include "sitrep/rowbuf.h"
#include "testdb.h"

static char path[512];
static sqlite3 *db;
static struct sqlfrag all; /* no filter */
static struct query q;

/* 200 events, one a day from 2020-01-01, ids 1..200. */
static int setup(void **state)
{
	(void)state;
	db = testdb_open(
	    path, sizeof(path), "rowbuf",
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
	    " INSERT INTO event (id, kind, date_start, date_end, date_precision, title,"
	    " origin, origin_id) SELECT i, 'incident', date('2020-01-01', '+' || (i - 1)"
	    " || ' days'), date('2020-01-01', '+' || (i - 1) || ' days'), 'day',"
	    " 'event ' || i, 'test', i FROM n");
	if (!db)
		return -1;
	sqlite3_busy_timeout(db, 0); /* a lock fails at once */
	sqlfrag_init(&all);
	q = (struct query){.db = db, .where = &all};
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sqlfrag_free(&all);
	testdb_close(db, path);
	return 0;
}

static long long cursor_id(const struct rowbuf *b)
{
	const struct event_row *r = rowbuf_cursor(b);
	return r ? r->id : -1;
}

static void test_moves_and_refills(void **state)
{
	struct rowbuf b;
	char *err = NULL;
	long moved = 0;
	(void)state;
	rowbuf_init(&b, &q);
	assert_int_equal(rowbuf_first(&b, 10, &err), 0);
	assert_int_equal(cursor_id(&b), 1);
	assert_int_equal(b.n, 30);
	assert_int_equal(rowbuf_move(&b, 100, 10, &moved, &err), 0); /* refills ahead */
	assert_int_equal(moved, 100);
	assert_int_equal(cursor_id(&b), 101);
	assert_int_equal(b.rank, 100);
	assert_int_equal(rowbuf_last(&b, 10, &err), 0);
	assert_int_equal(cursor_id(&b), 200);
	assert_int_equal(b.rank, 199);
	rowbuf_free(&b);
}

/* In a rollback-journal file (the bundled data set's kind), another
 * connection holds the write lock (as an import does to its commit): every
 * refill fails with the lock's error, and the rows, the
 * cursor and its rank stay; once the lock is gone the same calls work. */
static void test_failed_refill_keeps_rows(void **state)
{
	struct rowbuf b;
	char *err = NULL;
	long moved = 0;
	sqlite3 *writer;
	(void)state;
	rowbuf_init(&b, &q);
	assert_int_equal(rowbuf_first(&b, 10, &err), 0);
	assert_int_equal(rowbuf_move(&b, 5, 10, &moved, &err), 0);
	assert_int_equal(cursor_id(&b), 6);
	size_t n = b.n;

	assert_int_equal(db_set_journal(db, DB_JOURNAL_ROLLBACK, path, &err), 0);
	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	assert_int_equal(sqlite3_exec(writer, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);

	assert_int_equal(rowbuf_last(&b, 10, &err), -1);
	assert_non_null(strstr(err, "database is locked (another program is writing it"));
	free(err);
	err = NULL;
	assert_int_equal(b.n, n);
	assert_int_equal(cursor_id(&b), 6);
	assert_int_equal(b.rank, 5);

	/* a move that needs rows beyond the window */
	assert_int_equal(rowbuf_move(&b, 40, 10, &moved, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(b.n, n);
	assert_int_equal(cursor_id(&b), 6);
	assert_int_equal(b.rank, 5);

	/* rows of a filter no longer in force are cleared by the view; the
	 * window says so until a refill succeeds */
	assert_false(b.unread);
	rowbuf_clear(&b);
	assert_int_equal(b.n, 0);
	assert_null(rowbuf_cursor(&b));
	assert_true(b.unread);
	assert_int_equal(rowbuf_first(&b, 10, &err), -1);
	free(err);
	err = NULL;
	assert_true(b.unread);

	/* a filter typed meanwhile says the same in the prompt */
	struct sqlfrag where;
	struct filter_error ferr;
	sqlfrag_init(&where);
	assert_int_not_equal(filter_compile(db, "region:Kayes", &where, &ferr), 0);
	assert_non_null(strstr(ferr.message, "database is locked (another program is writing it"));
	sqlfrag_free(&where);

	assert_int_equal(sqlite3_exec(writer, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(writer);
	assert_int_equal(rowbuf_first(&b, 10, &err), 0);
	assert_false(b.unread);
	assert_int_equal(rowbuf_move(&b, 45, 10, &moved, &err), 0);
	assert_int_equal(cursor_id(&b), 46);
	assert_int_equal(b.rank, 45);
	rowbuf_free(&b);
}

/* In a WAL file (what sitrep import creates) the same writer blocks
 * nothing: refills read the last commit while the import writes, and see
 * its rows once it commits (what live updates rely on). */
static void test_wal_reader_not_blocked(void **state)
{
	struct rowbuf b;
	char *err = NULL;
	long moved = 0;
	sqlite3 *writer;
	(void)state;
	assert_int_equal(db_set_journal(db, DB_JOURNAL_WAL, path, &err), 0);
	rowbuf_init(&b, &q);
	assert_int_equal(rowbuf_first(&b, 10, &err), 0);

	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	assert_int_equal(sqlite3_exec(writer,
				      "BEGIN EXCLUSIVE; INSERT INTO event (id, kind, date_start,"
				      " date_end, date_precision, title, origin, origin_id) VALUES"
				      " (201, 'incident', '2021-01-01', '2021-01-01', 'day', 'new',"
				      " 'test', 201)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(rowbuf_last(&b, 10, &err), 0);
	assert_int_equal(cursor_id(&b), 200); /* the uncommitted row is not seen */
	assert_int_equal(rowbuf_first(&b, 10, &err), 0);
	assert_int_equal(rowbuf_move(&b, 100, 10, &moved, &err), 0);
	assert_int_equal(cursor_id(&b), 101);

	assert_int_equal(sqlite3_exec(writer, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(writer);
	assert_int_equal(rowbuf_last(&b, 10, &err), 0);
	assert_int_equal(cursor_id(&b), 201);
	rowbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_moves_and_refills),
	    cmocka_unit_test(test_failed_refill_keeps_rows),
	    cmocka_unit_test(test_wal_reader_not_blocked),
	};
	return cmocka_run_group_tests_name("rowbuf", tests, setup, teardown);
}
