/* fts_build: the full-text index of a big import, built on a second thread.
 *
 * Indexing the words of a million events costs about as much as storing
 * them, and SQLite lets one connection write a file at a time; but an
 * FTS5 index is only rows in its shadow tables. So while the import's own
 * thread stores the rows and builds the other indexes, a second thread
 * feeds the same texts, with the same rowids, to an identical FTS5 table in
 * a scratch database of its own; at the end its shadow tables are copied
 * into the import's transaction, where the index was empty. The same rows
 * in the same order make the same index as indexing in place (FTS5's
 * 'integrity-check' compares it with the event table in the tests).
 *
 * The copy is on the import's thread, the one that sets the pace, so it
 * must be cheap: INSERT INTO t SELECT * FROM t' between tables of the same
 * definition on one connection copies the stored records without decoding
 * them (SQLite's transfer optimisation). For a million events that takes
 * the million rows of event_fts_docsize from 0.7 s to 0.2 s; the index's
 * few large blocks cost the same either way. It needs the scratch database
 * attached to the import's connection, so that database is a file, and it
 * is attached (as "fts_build") from the start: then its name is unlinked
 * as soon as both connections hold it open, and however the import ends,
 * even killed, no file is left behind. SQLite refuses to detach a database
 * that the open transaction has read, hence fts_build_release after the
 * import's COMMIT or ROLLBACK.
 *
 * Used only when the database's index is empty (a new file, or one with no
 * events): otherwise store_commit indexes the transaction's rows in place. */
#ifndef SITREP_FTS_BUILD_H
#define SITREP_FTS_BUILD_H

#include <sqlite3.h>

/* The indexed columns, in the order of event_fts in src/schema.sql: the
 * one spelling of the list that every statement writing the index uses. */
#define FTS_COLUMNS "title, description, location, admin2, admin1, actor_names"
enum { FTS_TITLE, FTS_DESCRIPTION, FTS_LOCATION, FTS_ADMIN2, FTS_ADMIN1, FTS_ACTOR_NAMES,
       FTS_NCOLS };

struct fts_build;

/* Start the thread and its database, attached to into (a connection in a
 * transaction, whose SQLITE_LIMIT_ATTACHED is raised to 1 if need be until
 * fts_build_release). Until fts_build_finish the thread holds the file's
 * lock: into must not read "fts_build" (only fts_build.c names it).
 * NULL with *err set on failure. */
struct fts_build *fts_build_start(sqlite3 *into, char **err);
/* Queue the index's rows for event id: texts (NULL for none) are copied.
 * fts_build_remove takes the words of a row queued before, exactly as they
 * were (an event updated later in the same file). 0, or -1 with *err set
 * when the thread has failed. */
int fts_build_add(struct fts_build *b, long long id, const char *const text[FTS_NCOLS],
		  char **err);
int fts_build_remove(struct fts_build *b, long long id, const char *const text[FTS_NCOLS],
		     char **err);
/* No more rows: the thread merges what it has while the caller goes on
 * (building the other indexes). Implied by fts_build_finish. 0, or -1
 * with *err set when the thread has failed. */
int fts_build_close(struct fts_build *b, char **err);
/* Wait for the thread, then copy the index into event_fts of the connection
 * given to fts_build_start, inside its open transaction (the index there
 * must be empty). 0, or -1 with *err set; b stays for fts_build_release
 * either way. */
int fts_build_finish(struct fts_build *b, char **err);
/* Once the transaction has ended (COMMIT or ROLLBACK): stop the thread if
 * it still runs, detach its database (freeing its disk space) and free b.
 * NULL is ignored. */
void fts_build_release(struct fts_build *b);

#endif
