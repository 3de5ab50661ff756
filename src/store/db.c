/* db: opening sitrep databases safely (see db.h). Files come from
 * elsewhere, so browsing follows SQLite's advice for untrusted databases:
 * read-only, defensive mode, no trusted schema, tight limits; and a file
 * that is not ours is refused before any query touches it. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "sitrep/encoding.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/util.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void harden(sqlite3 *db)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 200);
	sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 200);
	sqlite3_busy_timeout(db, 2000);
}

const char *db_busy_hint(sqlite3 *db)
{
	return (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY
		   ? " (another program is writing it, such as sitrep import; try again"
		     " when it has finished)"
		   : "";
}

int db_query_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Is this file a sitrep database we can read? 0 yes; else *err. A file of
 * zero bytes counts as "empty" (1) so the writer can create the schema. */
static int check_sitrep(sqlite3 *db, const char *path, char **err)
{
	long long app = 0, ver = 0, tables = 0;
	int rc = db_query_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = db_query_int(db, "PRAGMA user_version", &ver);
	if (rc == SQLITE_OK)
		rc = db_query_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
	if (rc == SQLITE_NOTADB) {
		*err = xasprintf("%s: not a sitrep database (not an SQLite file)", path);
		return -1;
	}
	if (sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK) {
		/* A hot journal: rolling it back is a write, which browsing never
		 * does; say how to do it. */
		*err = xasprintf("%s: an interrupted import left it half-written (%s-journal); "
				 "'sitrep import --recover --db %s' rolls that back",
				 path, path, path);
		return -1;
	}
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot read the database: %s%s", path, sqlite3_errmsg(db),
				 db_busy_hint(db));
		return -1;
	}
	if (app == 0 && ver == 0 && tables == 0)
		return 1;
	if (app != SITREP_APP_ID) {
		*err =
		    xasprintf("%s: not a sitrep database (an SQLite file of another kind)", path);
		return -1;
	}
	if (ver > SITREP_SCHEMA_VERSION) {
		*err =
		    xasprintf("%s: schema version %lld is newer than this sitrep understands (%d); "
			      "upgrade sitrep",
			      path, ver, SITREP_SCHEMA_VERSION);
		return -1;
	}
	if (ver < 1) {
		*err = xasprintf("%s: not a sitrep database (no schema version)", path);
		return -1;
	}
	/* Touch the main table so a truncated or damaged file fails here, with
	 * a clear message, rather than half-way through a screen. */
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(
	    db, "SELECT (SELECT max(id) FROM event), (SELECT min(date_start) FROM event)", -1, &st,
	    NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_ROW) {
		*err = xasprintf("%s: damaged sitrep database: %s", path, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int check_file(const char *path, bool must_exist, char **err)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return 1;
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		*err = xasprintf("%s: is a directory", path);
		return -1;
	}
	/* a FIFO would block the open, a device feed SQLite anything */
	if (!S_ISREG(sb.st_mode)) {
		*err = xasprintf("%s: not a regular file, so not a database", path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Whether path's header says WAL (bytes 18 and 19, the write and read
 * format versions, are 2). */
static bool is_wal_file(const char *path)
{
	unsigned char h[20];
	FILE *f = fopen(path, "rb");
	bool wal = f && fread(h, 1, sizeof h, f) == sizeof h && h[18] == 2 && h[19] == 2;
	if (f)
		fclose(f);
	return wal;
}

/* Whether the directory holding path can take new files (a -shm, a -wal). */
static bool dir_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return access(".", W_OK) == 0;
	char *dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	bool ok = access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

/* How a file is opened for browsing. A rollback-journal file: read-only.
 * A WAL file needs its -shm (and makes a -wal) to be read, and only a
 * connection that may write removes them when it closes, as SQLite does
 * for the last connection: so a WAL file the user may write is opened
 * read-write with query_only on (no statement can change it; the close
 * only checkpoints what an import committed) and leaves nothing beside it.
 * In a directory that takes no new file and with no -shm there, the file
 * is opened immutable, as SQLite documents for read-only media: nobody
 * can be writing it there, and live updates have nothing to see. */
static int open_for_browsing(const char *path, sqlite3 **db, bool *query_only)
{
	*query_only = false;
	if (!is_wal_file(path))
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (access(path, W_OK) == 0 && dir_writable(path)) {
		*query_only = true;
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	}
	char *shm = xasprintf("%s-shm", path);
	bool has_shm = access(shm, R_OK) == 0;
	free(shm);
	if (has_shm || dir_writable(path))
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	/* file:PATH?immutable=1, with the characters a URI gives a meaning
	 * to written as %XX so that any path names the same file */
	struct strbuf uri = STRBUF_INIT;
	sb_add(&uri, "file:");
	for (const char *c = path; *c; c++)
		if (*c == '%' || *c == '?' || *c == '#')
			sb_addf(&uri, "%%%02X", (unsigned char)*c);
		else
			sb_addc(&uri, *c);
	sb_add(&uri, "?immutable=1");
	int rc = sqlite3_open_v2(
	    sb_str(&uri), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
	sb_free(&uri);
	return rc;
}

sqlite3 *db_open_ro(const char *path, char **err)
{
	sqlite3 *db = NULL;
	*err = NULL;
	if (check_file(path, true, err) != 0)
		return NULL;
	bool query_only;
	int rc = open_for_browsing(path, &db, &query_only);
	if (rc == SQLITE_OK && query_only)
		rc = sqlite3_exec(db, "PRAGMA query_only = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	harden(db);
	db_register_json(db); /* before the schema is read: its indexes use it */
	rc = check_sitrep(db, path, err);
	if (rc == 1) {
		*err = xasprintf("%s: not a sitrep database (empty)", path);
		rc = -1;
	}
	if (rc != 0) {
		sqlite3_close(db);
		return NULL;
	}
	db_register_functions(db);
	/* Browsing reads a few pages per screen: a small page cache keeps
	 * memory flat whatever the file's size (the OS caches the file). */
	sqlite3_exec(db, "PRAGMA cache_size = -1024", NULL, NULL, NULL);
	return db;
}

static int create_schema(sqlite3 *db, const char *path, char **err)
{
	char *msg = NULL;
	/* 16 KiB pages: a quarter of the page reads and writes of the 4 KiB
	 * default for the same rows, which makes a big import's index builds
	 * about a quarter faster; browsing reads whole screens of rows anyway. */
	char *sql = xasprintf("PRAGMA page_size = 16384; BEGIN; %s PRAGMA application_id = %d;"
			      " PRAGMA user_version = %d; COMMIT;",
			      sitrep_schema_sql, SITREP_APP_ID, SITREP_SCHEMA_VERSION);
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	free(sql);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot create the schema: %s", path, msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* event_day from the event table: two reads of covering indexes
 * (event_date; the context events' own index), no pass over the rows. */
int db_count_days(sqlite3 *db, char **err)
{
	if (sqlite3_exec(db,
			 "DELETE FROM event_day;"
			 " INSERT INTO event_day (date_start, events, context)"
			 " SELECT d, sum(n), sum(c) FROM ("
			 "  SELECT date_start AS d, count(*) AS n, 0 AS c FROM event GROUP BY 1"
			 "  UNION ALL SELECT date_start, 0, count(*) FROM event"
			 "  WHERE kind = 'context' GROUP BY 1)"
			 " GROUP BY d",
			 NULL, NULL, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

char *db_schema_statement(const char *head)
{
	const char *p = strstr(sitrep_schema_sql, head);
	const char *end = p ? strstr(p, ";\n") : NULL;
	return end ? xstrndup(p, (size_t)(end + 1 - p)) : NULL;
}

/* Version 1 to 2: free text over the event table's own columns (the
 * actors' names, until now only in the full-text table's copy, move to
 * event.actor_names) and the per-day counts. One transaction: a failed
 * upgrade leaves version 1 as it was. */
static int upgrade_v1(sqlite3 *db, const char *path, char **err)
{
	char *fts = db_schema_statement("CREATE VIRTUAL TABLE event_fts");
	char *days = db_schema_statement("CREATE TABLE event_day");
	char *msg = NULL;
	int rc = SQLITE_ERROR;
	if (fts && days) {
		char *sql = xasprintf(
		    "BEGIN IMMEDIATE;"
		    " ALTER TABLE event ADD COLUMN actor_names TEXT;"
		    " UPDATE event SET actor_names = (SELECT c.c3 FROM event_fts_content c"
		    "  WHERE c.id = event.id);"
		    " DROP TABLE event_fts; %s"
		    " INSERT INTO event_fts (event_fts) VALUES ('rebuild'); %s"
		    " PRAGMA user_version = 2;",
		    fts, days);
		rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
		free(sql);
	}
	char *cerr = NULL;
	if (rc == SQLITE_OK && db_count_days(db, &cerr) == 0)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg);
	else if (rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	free(fts);
	free(days);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot upgrade the database from version 1: %s", path,
				 msg    ? msg
				 : cerr ? cerr
					: "schema text not found");
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_free(msg);
	free(cerr);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Version 2 to 3: two indexes made partial (schema.sql says why). Both
 * are rebuilt, a few seconds on a million events, once. */
static int upgrade_v2(sqlite3 *db, const char *path, char **err)
{
	char *context = db_schema_statement("CREATE INDEX event_context_date");
	char *span = db_schema_statement("CREATE INDEX event_span");
	char *msg = NULL;
	int rc = SQLITE_ERROR;
	if (context && span) {
		char *sql = xasprintf("BEGIN IMMEDIATE;"
				      " DROP INDEX IF EXISTS event_kind_date;"
				      " DROP INDEX IF EXISTS event_span; %s %s"
				      " PRAGMA user_version = 3; COMMIT;",
				      context, span);
		rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
		free(sql);
	}
	free(context);
	free(span);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot upgrade the database from version 2: %s", path,
				 msg ? msg : "schema text not found");
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_free(msg);
	return rc == SQLITE_OK ? 0 : -1;
}

/* A database to write where nothing can be written (a read-only mount, or a
 * file or directory without write permission) is refused by name: SQLite
 * would say no more than "unable to open database file". 0, or -1 with *err. */
static int check_writable(const char *path, char **err)
{
	if (access(path, W_OK) == 0)
		return 0;
	if (errno != ENOENT) {
		*err = xasprintf("%s: cannot write the database: %s", path, strerror(errno));
		return -1;
	}
	const char *slash = strrchr(path, '/');
	char *dir =
	    slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int rc = access(dir, W_OK | X_OK);
	if (rc != 0)
		*err = xasprintf("%s: cannot create the database in %s: %s", path, dir,
				 strerror(errno));
	free(dir);
	return rc == 0 ? 0 : -1;
}

sqlite3 *db_open_rw(const char *path, char **err)
{
	sqlite3 *db = NULL;
	*err = NULL;
	if (check_file(path, false, err) < 0)
		return NULL;
	if (strcmp(path, ":memory:") != 0 && check_writable(path, err) < 0)
		return NULL;
	int rc = sqlite3_open_v2(
	    path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	harden(db);
	db_register_functions(db);
	rc = check_sitrep(db, path, err);
	long long ver = SITREP_SCHEMA_VERSION;
	/* The counts with the schema, before WAL: a new file's WAL holds no
	 * commit (a full disk cannot keep one beside the file). */
	if (rc == 1 && (rc = create_schema(db, path, err)) == 0 &&
	    (rc = db_add_counts(db, path, err)) == 0)
		rc = db_set_journal(db, DB_JOURNAL_WAL, path, err);
	else if (rc == 0 && db_query_int(db, "PRAGMA user_version", &ver) == SQLITE_OK) {
		if (ver == 1 && (rc = upgrade_v1(db, path, err)) == 0)
			ver = 2;
		if (ver == 2 && rc == 0)
			rc = upgrade_v2(db, path, err);
		if (rc == 0)
			rc = db_add_indexes(db, path, err);
		if (rc == 0)
			rc = db_add_counts(db, path, err);
	}
	if (rc != 0) {
		sqlite3_close(db);
		return NULL;
	}
	/* Foreign keys are not enforced row by row: the store, the only
	 * writer, inserts every parent before its children and deletes
	 * children itself, and the tests run foreign_key_check after imports.
	 * Enforcing them cost five b-tree look-ups per imported event. */
	sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	db_cache_kib(db, DB_WRITE_CACHE_KIB);
	return db;
}

int db_set_journal(sqlite3 *db, enum db_journal mode, const char *path, char **err)
{
	const char *want = mode == DB_JOURNAL_WAL ? "wal" : "delete";
	char sql[40];
	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = %s", want);
	sqlite3_stmt *st;
	const char *got = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		got = (const char *)sqlite3_column_text(st, 0);
	/* SQLite answers with the mode in force: a change it could not make
	 * (another program has the file open) leaves the old one. */
	const char *file = sqlite3_db_filename(db, "main");
	bool in_memory = got && strcmp(got, "memory") == 0 && (!file || !*file);
	if (!in_memory && (!got || strcmp(got, want) != 0)) { /* ":memory:" has no journal */
		*err = xasprintf("%s: cannot switch to the %s journal: %s%s", path,
				 mode == DB_JOURNAL_WAL ? "write-ahead (WAL)" : "rollback",
				 got ? "the file is in use" : sqlite3_errmsg(db), db_busy_hint(db));
		rc = -1;
	} else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

void db_cache_kib(sqlite3 *db, int kib)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", -kib);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
}

void db_close(sqlite3 *db)
{
	sqlite3_close_v2(db);
}

static bool file_exists(const char *path)
{
	return access(path, R_OK) == 0;
}

/* Running the binary from the build tree means developing sitrep: the
 * data set built next to it is the one wanted, even if an older copy is
 * installed. */
static bool running_from_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return strcmp(exe, SITREP_BUILD_BINDIR) == 0;
}

const char *db_default_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return explicit_path;
	const char *env = getenv("SITREP_DB");
	if (env && *env)
		return env;
	return db_bundled_path();
}

const char *db_bundled_path(void)
{
	static const char installed[] = SITREP_PKGDATADIR "/mali.db";
	if (running_from_build_tree() && file_exists(SITREP_BUILD_DB))
		return SITREP_BUILD_DB;
	if (file_exists(installed))
		return installed;
	if (file_exists(SITREP_BUILD_DB))
		return SITREP_BUILD_DB;
	return installed;
}

const char *db_outlines_path(void)
{
	static const char installed[] = SITREP_PKGDATADIR "/outlines-ne50m.txt";
	if (running_from_build_tree() && file_exists(SITREP_BUILD_OUTLINES))
		return SITREP_BUILD_OUTLINES;
	if (file_exists(installed))
		return installed;
	if (file_exists(SITREP_BUILD_OUTLINES))
		return SITREP_BUILD_OUTLINES;
	return installed;
}

char *db_error(sqlite3 *db)
{
	const char *file = sqlite3_db_filename(db, "main");
	return xasprintf("%s: %s%s", file && *file ? base_name(file) : "database",
			 sqlite3_errmsg(db), db_busy_hint(db));
}

char *db_meta(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	char *value = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		value = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return value;
}

char *db_column_dup(sqlite3_stmt *st, int i)
{
	int type = sqlite3_column_type(st, i);
	if (type == SQLITE_NULL)
		return NULL;
	if (type == SQLITE_BLOB) {
		const char *b = sqlite3_column_blob(st, i);
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		if (n > 0 && (memchr(b, '\0', n) || !enc_utf8_valid(b, n)))
			return xstrdup(DB_NOT_TEXT);
		return xstrndup(n ? b : "", n);
	}
	const unsigned char *t = sqlite3_column_text(st, i);
	/* NULL here is an allocation failure inside SQLite */
	return xstrdup(t ? (const char *)t : DB_NOT_TEXT);
}

char *db_column_dup_or(sqlite3_stmt *st, int i, const char *fallback)
{
	char *s = db_column_dup(st, i);
	return s ? s : xstrdup(fallback);
}

bool db_column_number(sqlite3_stmt *st, int i, double *out)
{
	int type = sqlite3_column_type(st, i);
	if (type != SQLITE_INTEGER && type != SQLITE_FLOAT)
		return false;
	*out = sqlite3_column_double(st, i);
	return isfinite(*out);
}

long long db_value_count(sqlite3_value *v)
{
	double d;
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		return -1;
	case SQLITE_INTEGER: {
		long long n = sqlite3_value_int64(v);
		return n >= 0 ? n : DB_BAD_COUNT;
	}
	case SQLITE_FLOAT:
		d = sqlite3_value_double(v);
		/* 9.2e18 is below LLONG_MAX: the cast is defined */
		return d >= 0 && d <= 9.2e18 && d == floor(d) ? (long long)d : DB_BAD_COUNT;
	default:
		return DB_BAD_COUNT;
	}
}

long long db_column_count(sqlite3_stmt *st, int i)
{
	return db_value_count(sqlite3_column_value(st, i));
}

int db_column_coords(sqlite3_stmt *st, int i, double *lat, double *lon)
{
	*lat = *lon = 0;
	if (sqlite3_column_type(st, i) == SQLITE_NULL &&
	    sqlite3_column_type(st, i + 1) == SQLITE_NULL)
		return 0;
	double a, b;
	if (!db_column_number(st, i, &a) || !db_column_number(st, i + 1, &b) || fabs(a) > 90 ||
	    fabs(b) > 180)
		return -1;
	*lat = a;
	*lon = b;
	return 1;
}
