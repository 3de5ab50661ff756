/* fts_build: the full-text index of a big import, built on a second thread.
 *
 * Indexing the words of a million events costs about as much as storing
 * them, and SQLite lets one connection write a file at a time; but an
 * FTS5 index is only rows in its shadow tables. So while the import's own
 * thread stores the rows and builds the other indexes, a second thread
 * feeds the same texts, with the same rowids, to an identical FTS5 table in
 * a private temporary database; at the end its shadow tables are copied
 * into the import's transaction, where the index was empty. The same rows
 * in the same order make the same index as indexing in place (FTS5's
 * 'integrity-check' compares it with the event table in the tests).
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

/* Start the thread and its database. NULL with *err set on failure. */
struct fts_build *fts_build_start(char **err);
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
/* Wait for the thread, then copy the index into event_fts of into, inside
 * into's open transaction (the index there must be empty). Frees b.
 * 0, or -1 with *err set. */
int fts_build_finish(struct fts_build *b, sqlite3 *into, char **err);
/* Stop the thread and drop what it built. Frees b; NULL is ignored. */
void fts_build_cancel(struct fts_build *b);

#endif
