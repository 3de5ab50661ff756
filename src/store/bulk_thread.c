/* bulk_thread: tables of a big import built on a second thread (see
 * bulk_thread.h). The import thread fills batches of rows (a statement and
 * its values each) and hands them over through a short queue; when the
 * queue is full it waits, so memory stays at a few batches whatever the
 * file's size. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "bulk_thread.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

#define BATCH_ROWS 512
#define MAX_QUEUED 8 /* batches waiting for the thread */
/* The scratch database's name on the import's connection. */
#define SCHEMA_NAME "bulk_thread"

/* What a queued row does: one statement of the thread's. */
enum { S_FTS_ADD, S_FTS_REMOVE, S_ACTOR, S_SOURCE, S_DROP_ACTORS, S_DROP_SOURCES, S_COUNT };

static const char *const stmt_sql[S_COUNT] = {
    [S_FTS_ADD] = "INSERT INTO event_fts (rowid, " FTS_COLUMNS ")"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_FTS_REMOVE] = "INSERT INTO event_fts (event_fts, rowid, " FTS_COLUMNS ")"
		     " VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    /* As store.c writes them in place. */
    [S_ACTOR] = "INSERT OR IGNORE INTO event_actor (event_id, actor_id, role) VALUES (?, ?, ?)",
    [S_SOURCE] = "INSERT INTO source (event_id, title, publisher, url, published, quote,"
		 " fatalities) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [S_DROP_ACTORS] = "DELETE FROM event_actor WHERE event_id = ?",
    [S_DROP_SOURCES] = "DELETE FROM source WHERE event_id = ?",
};

#define MAX_VALUES 7
#define VAL_NULL   (-1)
#define VAL_INT    (-2)

struct value {
	int32_t len; /* a text's, or VAL_NULL, VAL_INT */
	union {
		size_t off; /* a text's, into the batch's text */
		long long i;
	} u;
};

struct op {
	uint8_t stmt, n;
	struct value v[MAX_VALUES];
};

struct batch {
	struct batch *next;
	int n;
	struct op ops[BATCH_ROWS];
	struct strbuf text;
};

struct bulk_thread {
	unsigned parts;
	sqlite3 *db;   /* the thread's own until it is joined */
	sqlite3 *into; /* the import's, with db's file attached */
	bool attached;
	int attach_limit; /* into's SQLITE_LIMIT_ATTACHED before, or -1 */
	char **index_sql; /* the children's indexes, built when the rows are in */
	size_t nindex;
	bool joined;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;    /* a batch queued or taken, or the end */
	struct batch *head, *tail; /* queued, oldest first */
	int queued;
	struct batch *spare; /* emptied batches for reuse */
	struct batch *filling;
	bool closing;  /* no more batches: finish */
	bool stopping; /* cancelled: stop now */
	bool failed;
	char *error;      /* the thread's message when failed */
	double waited_ms; /* the import's, on a full queue (SITREP_TIMING) */
};

/* While loading, segments pile up unmerged ('automerge' 0, 'crisismerge'
 * near FTS5's limit of 2000) and are merged once at the end ('optimize'):
 * cheaper than merging level by level, and one segment is the fastest to
 * search. The settings go back to FTS5's defaults before the copy, since
 * the config table travels with the index. */
static const char fts_begin_sql[] =
    "INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 0);"
    " INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 1999)";
static const char fts_end_sql[] =
    "INSERT INTO event_fts (event_fts) VALUES ('optimize');"
    " INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 4);"
    " INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 16)";

/* Called with the lock held. */
static void thread_failed(struct bulk_thread *b, const char *what)
{
	if (!b->failed) {
		b->failed = true;
		b->error =
		    xasprintf("building on the second thread: %s: %s", what, sqlite3_errmsg(b->db));
	}
	pthread_cond_broadcast(&b->changed);
}

static int run_batch(sqlite3_stmt *const st[S_COUNT], const struct batch *bt)
{
	for (int i = 0; i < bt->n; i++) {
		const struct op *o = &bt->ops[i];
		sqlite3_stmt *s = st[o->stmt];
		for (int k = 0; k < o->n; k++) {
			const struct value *v = &o->v[k];
			if (v->len == VAL_NULL)
				sqlite3_bind_null(s, k + 1);
			else if (v->len == VAL_INT)
				sqlite3_bind_int64(s, k + 1, v->u.i);
			else
				sqlite3_bind_text(s, k + 1, bt->text.buf + v->u.off, v->len,
						  SQLITE_STATIC);
		}
		int rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

static bool wanted(const struct bulk_thread *b, int stmt)
{
	return stmt <= S_FTS_REMOVE ? (b->parts & SIDE_FTS) : (b->parts & SIDE_CHILDREN);
}

/* Once the rows are in: the children's indexes, built by sorting (cheaper
 * than keeping them as rows came), and the full-text index's merge. */
static int finish_tables(struct bulk_thread *b)
{
	for (size_t i = 0; i < b->nindex; i++)
		if (sqlite3_exec(b->db, b->index_sql[i], NULL, NULL, NULL) != SQLITE_OK)
			return -1;
	if ((b->parts & SIDE_FTS) &&
	    sqlite3_exec(b->db, fts_end_sql, NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static void *thread_main(void *arg)
{
	struct bulk_thread *b = arg;
	sqlite3_stmt *st[S_COUNT] = {NULL};
	bool ok = sqlite3_exec(b->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
		  (!(b->parts & SIDE_FTS) ||
		   sqlite3_exec(b->db, fts_begin_sql, NULL, NULL, NULL) == SQLITE_OK);
	for (int i = 0; ok && i < S_COUNT; i++)
		if (wanted(b, i))
			ok = sqlite3_prepare_v2(b->db, stmt_sql[i], -1, &st[i], NULL) == SQLITE_OK;
	pthread_mutex_lock(&b->lock);
	if (!ok)
		thread_failed(b, "cannot start");
	while (ok) {
		while (!b->head && !b->closing && !b->stopping)
			pthread_cond_wait(&b->changed, &b->lock);
		if (b->stopping || !b->head)
			break;
		struct batch *bt = b->head;
		b->head = bt->next;
		if (!b->head)
			b->tail = NULL;
		b->queued--;
		pthread_cond_broadcast(&b->changed);
		pthread_mutex_unlock(&b->lock);
		int rc = run_batch(st, bt);
		pthread_mutex_lock(&b->lock);
		bt->n = 0;
		sb_reset(&bt->text);
		bt->next = b->spare;
		b->spare = bt;
		if (rc < 0) {
			thread_failed(b, "adding a row");
			ok = false;
		}
	}
	bool finish = ok && !b->stopping;
	pthread_mutex_unlock(&b->lock);
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st[i]);
	double t0 = monotonic_ms();
	if (finish && finish_tables(b) < 0) {
		pthread_mutex_lock(&b->lock);
		thread_failed(b, "indexing");
		pthread_mutex_unlock(&b->lock);
	}
	if (timing_on())
		fprintf(stderr,
			"timing: second thread: indexing and merging %.1f ms;"
			" its CPU in all %.1f ms\n",
			monotonic_ms() - t0, thread_cpu_ms());
	return NULL;
}

/* The scratch tables' definitions: the full-text table as sitrep defines
 * it (the index copied must be made the same way), the children's tables
 * and indexes as into has them (the transfer optimisation needs the same
 * definitions, each index included). Tables into *tables; the indexes are
 * kept in b to be built when the rows are in. */
static int definitions(struct bulk_thread *b, struct strbuf *tables, char **err)
{
	if (b->parts & SIDE_FTS) {
		char *create = db_schema_statement("CREATE VIRTUAL TABLE event_fts");
		if (!create) {
			*err = xstrdup("the full-text table's definition is missing");
			return -1;
		}
		sb_addf(tables, "%s\n", create);
		free(create);
	}
	if (!(b->parts & SIDE_CHILDREN))
		return 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(b->into,
			       "SELECT type, sql FROM main.sqlite_schema"
			       " WHERE tbl_name IN ('event_actor', 'source') AND sql IS NOT NULL"
			       " ORDER BY type = 'index', rowid",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = db_error(b->into);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		if (strcmp((const char *)sqlite3_column_text(st, 0), "index") == 0) {
			b->index_sql = xrealloc(b->index_sql, (b->nindex + 1) * sizeof(char *));
			b->index_sql[b->nindex++] = xstrdup(sql);
		} else {
			sb_addf(tables, "%s;\n", sql);
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/* A new scratch database, named in path (a template for mkstemp), for the
 * thread's connection, with the tables it fills. Nothing in it needs to
 * survive a crash, hence no journal and no sync. 0, or -1 with *err set. */
static int open_scratch(struct bulk_thread *b, char *path, char **err)
{
	struct strbuf tables = STRBUF_INIT;
	if (definitions(b, &tables, err) < 0) {
		sb_free(&tables);
		return -1;
	}
	int fd = mkstemp(path);
	if (fd < 0) {
		const char *slash = strrchr(path, '/');
		*err = xasprintf("cannot create a temporary file in %.*s: %s",
				 (int)(slash ? slash - path : 0), path, strerror(errno));
		sb_free(&tables);
		return -1;
	}
	close(fd);
	int rc = sqlite3_open_v2(
	    path, &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(b->db,
				  "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
				  " PRAGMA page_size = 16384",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(b->db, sb_str(&tables), NULL, NULL, NULL);
	sb_free(&tables);
	if (rc != SQLITE_OK) {
		*err = xasprintf("cannot create a temporary database in %s: %s", path,
				 b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc));
		sqlite3_close(b->db);
		b->db = NULL;
		unlink(path);
		return -1;
	}
	return 0;
}

/* Attach the scratch database at path to b->into. The import's connection
 * allows no attached database (db.c hardens it against files from
 * elsewhere); this one is ours, so the limit makes room for it alone. */
static int attach(struct bulk_thread *b, const char *path, char **err)
{
	int limit = sqlite3_limit(b->into, SQLITE_LIMIT_ATTACHED, -1);
	if (limit < 1) {
		sqlite3_limit(b->into, SQLITE_LIMIT_ATTACHED, 1);
		b->attach_limit = limit;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(b->into, "ATTACH ?1 AS " SCHEMA_NAME, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	b->attached = rc == SQLITE_OK;
	if (b->attached)
		return 0;
	*err = xasprintf("cannot attach a temporary database: %s", sqlite3_errmsg(b->into));
	if (b->attach_limit >= 0)
		sqlite3_limit(b->into, SQLITE_LIMIT_ATTACHED, b->attach_limit);
	b->attach_limit = -1;
	return -1;
}

struct bulk_thread *bulk_thread_start(sqlite3 *into, unsigned parts, char **err)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/sitrep-side.XXXXXX", dir && *dir ? dir : "/tmp");
	struct bulk_thread *b = xcalloc(1, sizeof(*b));
	b->parts = parts;
	b->into = into;
	b->attach_limit = -1;
	b->joined = true; /* no thread yet */
	int rc = open_scratch(b, path, err);
	if (rc == 0)
		rc = attach(b, path, err);
	/* Both connections hold the file open now: without its name it lives
	 * as long as they do, and however the process ends (even killed) it
	 * leaves nothing behind. */
	if (b->db)
		unlink(path);
	free(path);
	if (rc == 0) {
		pthread_mutex_init(&b->lock, NULL);
		pthread_cond_init(&b->changed, NULL);
		if (pthread_create(&b->thread, NULL, thread_main, b) == 0) {
			b->joined = false;
			return b;
		}
		*err = xasprintf("cannot start a thread");
		pthread_mutex_destroy(&b->lock);
		pthread_cond_destroy(&b->changed);
	}
	bulk_thread_release(b);
	return NULL;
}

unsigned bulk_thread_parts(const struct bulk_thread *b)
{
	return b ? b->parts : 0;
}

/* Hand the batch being filled to the thread, waiting while the queue is
 * full. 0, or -1 with *err set when the thread has failed. */
static int flush(struct bulk_thread *b, char **err)
{
	pthread_mutex_lock(&b->lock);
	if (b->queued >= MAX_QUEUED && !b->failed) {
		double t0 = monotonic_ms();
		while (b->queued >= MAX_QUEUED && !b->failed)
			pthread_cond_wait(&b->changed, &b->lock);
		b->waited_ms += monotonic_ms() - t0;
	}
	if (b->failed) {
		*err = xstrdup(b->error);
		pthread_mutex_unlock(&b->lock);
		return -1;
	}
	if (b->filling && b->filling->n > 0) {
		b->filling->next = NULL;
		if (b->tail)
			b->tail->next = b->filling;
		else
			b->head = b->filling;
		b->tail = b->filling;
		b->queued++;
		b->filling = NULL;
		pthread_cond_broadcast(&b->changed);
	}
	pthread_mutex_unlock(&b->lock);
	return 0;
}

static struct batch *filling(struct bulk_thread *b)
{
	if (!b->filling) {
		pthread_mutex_lock(&b->lock);
		b->filling = b->spare;
		if (b->filling) {
			b->spare = b->filling->next;
			/* Not left pointing into the spares: after a failed
			 * flush, join frees the batch as a list of its own. */
			b->filling->next = NULL;
		}
		pthread_mutex_unlock(&b->lock);
		if (!b->filling)
			b->filling = xcalloc(1, sizeof(*b->filling));
	}
	return b->filling;
}

/* A row for statement stmt, its values added by the put_ functions; end()
 * hands the batch over when it is full. */
static struct op *begin(struct bulk_thread *b, int stmt)
{
	struct batch *bt = filling(b);
	struct op *o = &bt->ops[bt->n];
	o->stmt = (uint8_t)stmt;
	o->n = 0;
	return o;
}

static void put_int(struct op *o, long long i)
{
	o->v[o->n].len = VAL_INT;
	o->v[o->n++].u.i = i;
}

static void put_text(struct bulk_thread *b, struct op *o, const char *text)
{
	struct value *v = &o->v[o->n++];
	if (!text) {
		v->len = VAL_NULL;
		return;
	}
	size_t n = strlen(text);
	v->u.off = b->filling->text.len;
	v->len = (int32_t)n;
	sb_addn(&b->filling->text, text, n);
}

static int end(struct bulk_thread *b, char **err)
{
	return ++b->filling->n == BATCH_ROWS ? flush(b, err) : 0;
}

static int fts_row(struct bulk_thread *b, int stmt, long long id, const char *const text[FTS_NCOLS],
		   char **err)
{
	struct op *o = begin(b, stmt);
	put_int(o, id);
	for (int c = 0; c < FTS_NCOLS; c++)
		put_text(b, o, text[c]);
	return end(b, err);
}

int side_fts_add(struct bulk_thread *b, long long id, const char *const text[FTS_NCOLS], char **err)
{
	return fts_row(b, S_FTS_ADD, id, text, err);
}

int side_fts_remove(struct bulk_thread *b, long long id, const char *const text[FTS_NCOLS],
		    char **err)
{
	return fts_row(b, S_FTS_REMOVE, id, text, err);
}

int side_actor(struct bulk_thread *b, long long event_id, long long actor_id, const char *role,
	       char **err)
{
	struct op *o = begin(b, S_ACTOR);
	put_int(o, event_id);
	put_int(o, actor_id);
	put_text(b, o, role);
	return end(b, err);
}

int side_source(struct bulk_thread *b, long long event_id, const char *const text[SOURCE_NTEXTS],
		long long fatalities, char **err)
{
	struct op *o = begin(b, S_SOURCE);
	put_int(o, event_id);
	for (int c = 0; c < SOURCE_NTEXTS; c++)
		put_text(b, o, text[c]);
	if (fatalities >= 0)
		put_int(o, fatalities);
	else
		put_text(b, o, NULL);
	return end(b, err);
}

int side_drop_children(struct bulk_thread *b, long long event_id, char **err)
{
	put_int(begin(b, S_DROP_ACTORS), event_id);
	if (end(b, err) < 0)
		return -1;
	put_int(begin(b, S_DROP_SOURCES), event_id);
	return end(b, err);
}

static void free_batches(struct batch *bt)
{
	while (bt) {
		struct batch *next = bt->next;
		sb_free(&bt->text);
		free(bt);
		bt = next;
	}
}

int bulk_thread_close(struct bulk_thread *b, char **err)
{
	if (b->closing)
		return 0;
	int rc = flush(b, err);
	pthread_mutex_lock(&b->lock);
	b->closing = true;
	pthread_cond_broadcast(&b->changed);
	pthread_mutex_unlock(&b->lock);
	return rc;
}

/* Join the thread, if not done already, and free everything but b->db and
 * b->error. */
static void join(struct bulk_thread *b, bool stop)
{
	if (b->joined)
		return;
	b->joined = true;
	pthread_mutex_lock(&b->lock);
	if (stop) {
		b->stopping = true;
		/* Cut short what it runs now (a merge or an index build can
		 * take seconds): what it built is thrown away anyway. */
		sqlite3_interrupt(b->db);
	}
	b->closing = true;
	pthread_cond_broadcast(&b->changed);
	pthread_mutex_unlock(&b->lock);
	pthread_join(b->thread, NULL);
	free_batches(b->head);
	free_batches(b->spare);
	free_batches(b->filling);
	b->head = b->spare = b->filling = NULL;
	pthread_mutex_destroy(&b->lock);
	pthread_cond_destroy(&b->changed);
}

/* The rows of table name from the scratch database into the same table of
 * into, emptied first (FTS5 wrote its config there already). The statement
 * has the transfer optimisation's form; the empty destination lets it take
 * WITHOUT ROWID tables and indexes too. SITREP_TIMING shows it taken: a few
 * VM steps a row (13 for event_fts_docsize when values are copied). */
static int copy_table(sqlite3 *into, const char *name)
{
	char *del = xasprintf("DELETE FROM main.%s", name);
	char *ins = xasprintf("INSERT INTO main.%s SELECT * FROM " SCHEMA_NAME ".%s", name, name);
	sqlite3_stmt *st = NULL;
	double t0 = monotonic_ms();
	int rc = sqlite3_exec(into, del, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(into, ins, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK && timing_on())
		fprintf(stderr, "timing: copied %s: %d rows, %d VM steps, %.1f ms\n", name,
			sqlite3_changes(into),
			sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0), monotonic_ms() - t0);
	sqlite3_finalize(st);
	free(del);
	free(ins);
	return rc == SQLITE_OK ? 0 : -1;
}

int bulk_thread_finish(struct bulk_thread *b, char **err)
{
	static const struct {
		const char *name;
		unsigned part;
	} tables[] = {
	    {"event_fts_data", SIDE_FTS},    {"event_fts_idx", SIDE_FTS},
	    {"event_fts_docsize", SIDE_FTS}, {"event_fts_config", SIDE_FTS},
	    {"event_actor", SIDE_CHILDREN},  {"source", SIDE_CHILDREN},
	};
	int rc = bulk_thread_close(b, err);
	double t0 = monotonic_ms();
	join(b, rc < 0);
	if (timing_on())
		fprintf(stderr,
			"timing: waited for the second thread %.1f ms (and %.1f ms"
			" on its full queue while reading rows)\n",
			monotonic_ms() - t0, b->waited_ms);
	if (rc == 0 && b->failed) {
		*err = xstrdup(b->error);
		rc = -1;
	}
	/* The thread has committed: into reads the file from here on. */
	sqlite3_close(b->db);
	b->db = NULL;
	/* FTS5's shadow tables are read-only to SQL in defensive mode, which
	 * the import's connection otherwise keeps on. */
	int defensive = 1;
	sqlite3_db_config(b->into, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
	if (defensive)
		sqlite3_db_config(b->into, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
	for (size_t i = 0; rc == 0 && i < ARRAY_SIZE(tables); i++) {
		if (!(b->parts & tables[i].part) || copy_table(b->into, tables[i].name) == 0)
			continue;
		*err = xasprintf("copying %s in: %s", tables[i].name, sqlite3_errmsg(b->into));
		rc = -1;
	}
	if (defensive)
		sqlite3_db_config(b->into, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	return rc;
}

void bulk_thread_release(struct bulk_thread *b)
{
	if (!b)
		return;
	join(b, true);
	sqlite3_close(b->db);
	for (size_t i = 0; i < b->nindex; i++)
		free(b->index_sql[i]);
	free(b->index_sql);
	/* Now nothing holds the file but the attachment, and detaching frees
	 * its space. Should it fail (into's transaction read the file and has
	 * not ended), the file goes when into is closed, the limit with it. */
	if (b->attached &&
	    sqlite3_exec(b->into, "DETACH " SCHEMA_NAME, NULL, NULL, NULL) == SQLITE_OK)
		b->attached = false;
	if (!b->attached && b->attach_limit >= 0)
		sqlite3_limit(b->into, SQLITE_LIMIT_ATTACHED, b->attach_limit);
	free(b->error);
	free(b);
}
