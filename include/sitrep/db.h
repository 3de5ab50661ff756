/* db: opening sitrep databases. Browsing opens read-only, with SQLite's
 * defences for files from elsewhere (defensive mode, untrusted schema,
 * limits), and refuses anything that is not a sitrep database of a version
 * it knows, with one line naming the file and the problem. Writing (import)
 * opens read-write and creates the schema when the file is new. */
#ifndef SITREP_DB_H
#define SITREP_DB_H

#include <sqlite3.h>
#include <stdbool.h>

#define SITREP_APP_ID         0x53495452 /* "SITR" */
#define SITREP_SCHEMA_VERSION 3

/* The schema's SQL text (src/schema.sql, compiled in). */
extern const char sitrep_schema_sql[];

/* The statement of the schema text that starts with head ("CREATE TABLE
 * event_day"), up to the ';' that ends a line, so that an upgrade or a
 * side database creates exactly what a new file has. NULL when absent;
 * caller frees. */
char *db_schema_statement(const char *head);
/* Create the indexes of schema.sql that the file lacks (made by an older
 * sitrep): on opening for writing. 0, or -1 with *err set. */
int db_add_indexes(sqlite3 *db, const char *path, char **err);
/* event_count (db_counts.c), the per-value counts `sitrep
 * count` reads: created, and filled from the events, when the file lacks
 * them; on creating or opening for writing. 0, or -1 with *err set. */
int db_add_counts(sqlite3 *db, const char *path, char **err);
/* Their SQL, as `sitrep schema` prints it after schema.sql. */
extern const char sitrep_counts_sql[];
/* In the store's transaction: before event id (?1) is updated, its
 * counted values noted by db_counts_forget_sql, when its dates, geo
 * precision or the extra fields db_counts_extra_differs_sql compares
 * with a new extra (?21, as the store binds it) change; at the commit, event_day (when
 * dates_changed: events added, or their kind or dates changed) and
 * event_count brought up to date with the events the transaction
 * changed. 0, or -1 with *err set. */
extern const char db_counts_forget_sql[];
extern const char db_counts_extra_differs_sql[];
int db_counts_commit(sqlite3 *db, bool dates_changed, char **err);
/* One row, 1 when event_count counts every event (its mark is the highest
 * id), else 0: what a reader checks before trusting it. */
#define DB_COUNTS_CURRENT_SQL                                                                      \
	"SELECT coalesce((SELECT max(id) FROM event_count_to)"                                     \
	" = (SELECT coalesce(max(id), 0) FROM event), 0)"
/* json_extract(JSON, '$.key') as an innocuous function, which the schema's
 * indexes on extra need on a connection that does not trust the schema
 * (db_register_functions calls it). */
void db_register_json(sqlite3 *db);

/* Open path for reading. On failure returns NULL and sets *err to a
 * message "PATH: problem" (caller frees). Never creates or changes a file. */
sqlite3 *db_open_ro(const char *path, char **err);
/* Open (creating when missing, with the schema) for writing. */
sqlite3 *db_open_rw(const char *path, char **err);
void db_close(sqlite3 *db);

/* The journal a database keeps. A file db_open_rw creates is WAL: readers
 * (the TUIs of a team on one server) are never blocked by an import's
 * commit, and the import never waits for them; an import killed half-way
 * leaves its frames uncommitted in the -wal file, which SQLite ignores, so
 * the file stays as it was. ROLLBACK is for a file installed where its
 * readers cannot write (the bundled data set): a WAL file needs its -shm
 * beside it. 0, or -1 with *err ("PATH: ...") when SQLite kept the old
 * mode (another connection has the file open). */
enum db_journal { DB_JOURNAL_WAL, DB_JOURNAL_ROLLBACK };
int db_set_journal(sqlite3 *db, enum db_journal mode, const char *path, char **err);
/* The import connection's page cache, in KiB: big enough to hold the hot
 * parts of the unique and child indexes of a large import. */
#define DB_WRITE_CACHE_KIB 65536
/* Set db's page cache to kib KiB. */
void db_cache_kib(sqlite3 *db, int kib);
/* Rewrite event_day (events per first day) from the event table, inside
 * the caller's transaction; every import commit does. 0, or -1 with *err. */
int db_count_days(sqlite3 *db, char **err);

/* Which database to browse: explicit (--db), else $SITREP_DB, else the
 * installed data set, else the one in the build tree. Never NULL. */
const char *db_default_path(const char *explicit_path);
/* The bundled data set: the installed one, or the build tree's when
 * running from it (whatever $SITREP_DB says). */
const char *db_bundled_path(void);
/* The map's country outlines (outlines-ne50m.txt), found as the bundled
 * data set is. Never NULL. */
const char *db_outlines_path(void);

/* A message for the last error on db, prefixed with the database's file
 * name: "mali.db: database disk image is malformed". Caller frees. */
char *db_error(sqlite3 *db);
/* After an error: " (another program is writing it...)" when it was a
 * lock held past the busy timeout (most likely a sitrep import, which
 * holds it to its commit), else "". For messages that end in
 * sqlite3_errmsg. */
const char *db_busy_hint(sqlite3 *db);

/* The first column of the first row of sql (a pragma, a count), in *out;
 * SQLITE_OK, or SQLite's error code (then *out is left as it was). */
int db_query_int(sqlite3 *db, const char *sql, long long *out);

/* Value of meta.key, or NULL (caller frees). */
char *db_meta(sqlite3 *db, const char *key);

/* Column readers for files made elsewhere: SQLite keeps any type in any
 * column whatever the schema declares, so a reader takes what it finds and
 * says what it cannot use, never crashing on it nor showing it wrongly. */

/* What a text column shows when it holds bytes that are not text (a blob
 * that is not UTF-8, or holds a NUL). */
#define DB_NOT_TEXT "?"
/* Column i of the current row as a fresh string, or NULL for SQL NULL:
 * text as it is, a number as SQLite writes it, a blob as its bytes when
 * they are UTF-8 text without a NUL, else DB_NOT_TEXT. */
char *db_column_dup(sqlite3_stmt *st, int i);
/* The same, never NULL: fallback for SQL NULL (a column the schema says
 * is NOT NULL can still be NULL in a file from elsewhere). */
char *db_column_dup_or(sqlite3_stmt *st, int i, const char *fallback);
/* A count (fatalities, population): -1 for SQL NULL, the value when it is a
 * non-negative integer (or a real with a whole value in range), else
 * DB_BAD_COUNT: text, a blob, a negative number or a fraction. */
#define DB_BAD_COUNT (-2LL)
long long db_column_count(sqlite3_stmt *st, int i);
/* The same for a value (an SQL function's argument). */
long long db_value_count(sqlite3_value *v);
/* A number stored as one (an integer or a finite real): true and *out;
 * false for NULL, text, a blob or an infinity. */
bool db_column_number(sqlite3_stmt *st, int i, double *out);
/* Coordinates from columns i (latitude) and i + 1 (longitude): 1 when both
 * are numbers on the globe (|lat| <= 90, |lon| <= 180), 0 when both are
 * NULL, -1 when something else is stored (text, a blob, latitude 999). */
int db_column_coords(sqlite3_stmt *st, int i, double *lat, double *lon);

/* a + b, saturating at LLONG_MAX and LLONG_MIN instead of overflowing. */
long long db_sum_add(long long a, long long b);

/* Register sitrep's SQL functions on a connection: fold(), and the
 * aggregates count_sum(x) (the counts among x, as db_column_count reads
 * them, added up saturating at LLONG_MAX: SQL's sum() fails on an
 * overflow) and count_bad(x) (how many values are not counts). */
void db_register_functions(sqlite3 *db);
/* Name the layer db's events are shown as (layer.h): the filter's
 * layer:NAME compares with it; "" (the default) is the browsed file. */
void db_set_layer_name(sqlite3 *db, const char *name);

#endif
