/* bulk_thread: the tables of a big import built on a second thread.
 *
 * SQLite lets one connection write a file at a time, and on a big import
 * that writing thread sets the pace. Two parts of what it writes depend on
 * nothing else it writes: the full-text index (rows of FTS5's shadow
 * tables: indexing the words of a million events costs about as much as
 * storing them) and each event's actors and sources (event_actor, source
 * and their indexes: a fifth of the rows' cost, and three of the index
 * builds). When the database holds none of a part yet (a new file), a
 * second thread builds it, from the same values in the same order, in a
 * scratch database of its own with the same definitions, indexes included;
 * at the end the tables are copied into the import's transaction. The same
 * rows in the same order make the same tables and the same index as
 * writing them in place (the tests run FTS5's 'integrity-check' and
 * compare the tables).
 *
 * The copy is on the import's thread, so it must be cheap: INSERT INTO t
 * SELECT * FROM t' between tables of the same definition on one connection
 * copies the stored records, and an empty table's indexes' records, without
 * decoding them (SQLite's transfer optimisation); for a million events the
 * full-text index's docsize table takes 0.2 s that way against 0.7 s value
 * by value. It needs the scratch database attached to the import's
 * connection, so that database is a file, attached (as "bulk_thread") from
 * the start: then its name is unlinked as soon as both connections hold it
 * open, and however the import ends, even killed, no file is left behind.
 * SQLite refuses to detach a database that the open transaction has read,
 * hence bulk_thread_release after the import's COMMIT or ROLLBACK. */
#ifndef SITREP_BULK_THREAD_H
#define SITREP_BULK_THREAD_H

#include <sqlite3.h>

/* The full-text index's columns, in the order of event_fts in
 * src/schema.sql: the one spelling of the list that every statement
 * writing the index uses. */
#define FTS_COLUMNS "title, description, location, admin2, admin1, actor_names"
enum {
	FTS_TITLE,
	FTS_DESCRIPTION,
	FTS_LOCATION,
	FTS_ADMIN2,
	FTS_ADMIN1,
	FTS_ACTOR_NAMES,
	FTS_NCOLS
};

/* A source's texts, in this order (NULL for none). */
enum { SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_URL, SOURCE_PUBLISHED, SOURCE_QUOTE, SOURCE_NTEXTS };

/* What the second thread builds: the full-text index, the children tables
 * (event_actor and source). Each must be empty in the database. */
enum { SIDE_FTS = 1, SIDE_CHILDREN = 2 };

struct bulk_thread;

/* Start the thread and its database, attached to into (a connection in a
 * transaction, whose SQLITE_LIMIT_ATTACHED is raised to 1 if need be until
 * bulk_thread_release), building parts (SIDE_*). The children's tables and
 * indexes are made as into defines them, so call this before anything
 * drops their indexes. Until bulk_thread_finish the thread holds the file's
 * lock: into must not read "bulk_thread" (only bulk_thread.c names it).
 * NULL with *err set on failure. */
struct bulk_thread *bulk_thread_start(sqlite3 *into, unsigned parts, char **err);
unsigned bulk_thread_parts(const struct bulk_thread *b);

/* Queue rows; values are copied. 0, or -1 with *err set when the thread
 * has failed. side_fts_remove takes the words of a row queued before,
 * exactly as they were (an event updated later in the same file);
 * side_drop_children an event's actors and sources queued before. A
 * fatalities figure below 0 is NULL. */
int side_fts_add(struct bulk_thread *b, long long id, const char *const text[FTS_NCOLS],
		 char **err);
int side_fts_remove(struct bulk_thread *b, long long id, const char *const text[FTS_NCOLS],
		    char **err);
int side_actor(struct bulk_thread *b, long long event_id, long long actor_id, const char *role,
	       char **err);
int side_source(struct bulk_thread *b, long long event_id, const char *const text[SOURCE_NTEXTS],
		long long fatalities, char **err);
int side_drop_children(struct bulk_thread *b, long long event_id, char **err);

/* No more rows: the thread builds the children's indexes and merges the
 * full-text index while the caller goes on (building the other indexes).
 * Implied by bulk_thread_finish. 0, or -1 with *err set when the thread has
 * failed. */
int bulk_thread_close(struct bulk_thread *b, char **err);
/* Wait for the thread, then copy its tables into the same tables of the
 * connection given to bulk_thread_start, inside its open transaction. 0, or
 * -1 with *err set; b stays for bulk_thread_release either way. */
int bulk_thread_finish(struct bulk_thread *b, char **err);
/* Once the transaction has ended (COMMIT or ROLLBACK): stop the thread if
 * it still runs, detach its database (freeing its disk space) and free b.
 * NULL is ignored. */
void bulk_thread_release(struct bulk_thread *b);

#endif
