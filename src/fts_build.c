/* fts_build: the full-text index of a big import on a second thread (see
 * fts_build.h). The import thread fills batches of rows and hands them
 * over through a short queue; when the queue is full it waits, so memory
 * stays at a few batches whatever the file's size. */
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
#include "sitrep/fts_build.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

#define BATCH_ROWS  512
#define MAX_QUEUED  8 /* batches waiting for the thread */
/* The scratch database's name on the import's connection. */
#define SCHEMA_NAME "fts_build"

struct op {
	long long id;
	bool remove;
	int32_t len[FTS_NCOLS]; /* -1 for NULL */
	size_t off[FTS_NCOLS];  /* into the batch's text */
};

struct batch {
	struct batch *next;
	int n;
	struct op ops[BATCH_ROWS];
	struct strbuf text;
};

struct fts_build {
	sqlite3 *db; /* the thread's own until it is joined */
	sqlite3 *into; /* the import's, with db's file attached */
	bool attached;
	int attach_limit; /* into's SQLITE_LIMIT_ATTACHED before, or -1 */
	bool joined;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed; /* a batch queued or taken, or the end */
	struct batch *head, *tail; /* queued, oldest first */
	int queued;
	struct batch *spare; /* emptied batches for reuse */
	struct batch *filling;
	bool closing;  /* no more batches: finish */
	bool stopping; /* cancelled: stop now */
	bool failed;
	char *error; /* the thread's message when failed */
};

static const char insert_sql[] =
	"INSERT INTO event_fts (rowid, " FTS_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char remove_sql[] =
	"INSERT INTO event_fts (event_fts, rowid, " FTS_COLUMNS ")"
	" VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* While loading, segments pile up unmerged ('automerge' 0, 'crisismerge'
 * near FTS5's limit of 2000) and are merged once at the end ('optimize'):
 * cheaper than merging level by level, and one segment is the fastest to
 * search. The settings go back to FTS5's defaults before the copy, since
 * the config table travels with the index. */
static const char begin_sql[] =
	"BEGIN;"
	" INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 0);"
	" INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 1999)";
static const char end_sql[] =
	"INSERT INTO event_fts (event_fts) VALUES ('optimize');"
	" INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 4);"
	" INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 16);"
	" COMMIT";

/* Called with the lock held. */
static void thread_failed(struct fts_build *b, const char *what)
{
	if (!b->failed) {
		b->failed = true;
		b->error = xasprintf("full-text index: %s: %s", what, sqlite3_errmsg(b->db));
	}
	pthread_cond_broadcast(&b->changed);
}

static int run_batch(sqlite3_stmt *ins, sqlite3_stmt *rem, const struct batch *bt)
{
	for (int i = 0; i < bt->n; i++) {
		const struct op *o = &bt->ops[i];
		sqlite3_stmt *st = o->remove ? rem : ins;
		sqlite3_bind_int64(st, 1, o->id);
		for (int c = 0; c < FTS_NCOLS; c++) {
			if (o->len[c] < 0)
				sqlite3_bind_null(st, c + 2);
			else
				sqlite3_bind_text(st, c + 2, bt->text.buf + o->off[c], o->len[c],
						  SQLITE_STATIC);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

static void *thread_main(void *arg)
{
	struct fts_build *b = arg;
	sqlite3_stmt *ins = NULL, *rem = NULL;
	bool ok = sqlite3_exec(b->db, begin_sql, NULL, NULL, NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(b->db, insert_sql, -1, &ins, NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(b->db, remove_sql, -1, &rem, NULL) == SQLITE_OK;
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
		int rc = run_batch(ins, rem, bt);
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
	sqlite3_finalize(ins);
	sqlite3_finalize(rem);
	double t0 = monotonic_ms();
	if (finish && sqlite3_exec(b->db, end_sql, NULL, NULL, NULL) != SQLITE_OK) {
		pthread_mutex_lock(&b->lock);
		thread_failed(b, "merging");
		pthread_mutex_unlock(&b->lock);
	}
	if (timing_on())
		fprintf(stderr, "timing: full-text thread: merging %.1f ms; its CPU in all %.1f ms\n",
			monotonic_ms() - t0, thread_cpu_ms());
	return NULL;
}

/* A new scratch database, named in path (a template for mkstemp), for the
 * thread's connection. Nothing in it needs to survive a crash, hence no
 * journal and no sync. NULL with *err set on failure. */
static sqlite3 *open_scratch(char *path, char **err)
{
	int fd = mkstemp(path);
	if (fd < 0) {
		*err = xasprintf("full-text index: cannot create %s: %s", path, strerror(errno));
		return NULL;
	}
	close(fd);
	char *create = db_schema_statement("CREATE VIRTUAL TABLE event_fts");
	sqlite3 *db = NULL;
	int rc = create ? sqlite3_open_v2(path, &db,
					  SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
						  SQLITE_OPEN_NOMUTEX,
					  NULL)
			: SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
				      " PRAGMA page_size = 16384",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, create, NULL, NULL, NULL);
	free(create);
	if (rc != SQLITE_OK) {
		*err = xasprintf("full-text index: cannot create its temporary database: %s",
				 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		unlink(path);
		return NULL;
	}
	return db;
}

/* Attach the scratch database at path to b->into. The import's connection
 * allows no attached database (db.c hardens it against files from
 * elsewhere); this one is ours, so the limit makes room for it alone. */
static int attach(struct fts_build *b, const char *path, char **err)
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
	*err = xasprintf("full-text index: cannot attach its temporary database: %s",
			 sqlite3_errmsg(b->into));
	if (b->attach_limit >= 0)
		sqlite3_limit(b->into, SQLITE_LIMIT_ATTACHED, b->attach_limit);
	b->attach_limit = -1;
	return -1;
}

struct fts_build *fts_build_start(sqlite3 *into, char **err)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/sitrep-fts.XXXXXX", dir && *dir ? dir : "/tmp");
	struct fts_build *b = xcalloc(1, sizeof(*b));
	b->into = into;
	b->attach_limit = -1;
	b->joined = true; /* no thread yet */
	b->db = open_scratch(path, err);
	int rc = b->db ? attach(b, path, err) : -1;
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
		*err = xasprintf("full-text index: cannot start a thread");
		pthread_mutex_destroy(&b->lock);
		pthread_cond_destroy(&b->changed);
	}
	fts_build_release(b);
	return NULL;
}

/* Hand the batch being filled to the thread, waiting while the queue is
 * full. 0, or -1 with *err set when the thread has failed. */
static int flush(struct fts_build *b, char **err)
{
	pthread_mutex_lock(&b->lock);
	while (b->queued >= MAX_QUEUED && !b->failed)
		pthread_cond_wait(&b->changed, &b->lock);
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

static struct batch *filling(struct fts_build *b)
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

static int queue(struct fts_build *b, long long id, bool remove,
		 const char *const text[FTS_NCOLS], char **err)
{
	struct batch *bt = filling(b);
	struct op *o = &bt->ops[bt->n++];
	o->id = id;
	o->remove = remove;
	for (int c = 0; c < FTS_NCOLS; c++) {
		o->len[c] = -1;
		if (!text[c])
			continue;
		size_t n = strlen(text[c]);
		o->off[c] = bt->text.len;
		o->len[c] = (int32_t)n;
		sb_addn(&bt->text, text[c], n);
	}
	return bt->n == BATCH_ROWS ? flush(b, err) : 0;
}

int fts_build_add(struct fts_build *b, long long id, const char *const text[FTS_NCOLS],
		  char **err)
{
	return queue(b, id, false, text, err);
}

int fts_build_remove(struct fts_build *b, long long id, const char *const text[FTS_NCOLS],
		     char **err)
{
	return queue(b, id, true, text, err);
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

int fts_build_close(struct fts_build *b, char **err)
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
static void join(struct fts_build *b, bool stop)
{
	if (b->joined)
		return;
	b->joined = true;
	pthread_mutex_lock(&b->lock);
	if (stop)
		b->stopping = true;
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

/* The rows of shadow table name from the scratch database into the same
 * table of into, emptied first (FTS5 wrote its config there already). The
 * statement has the transfer optimisation's form; the empty destination
 * lets it take WITHOUT ROWID tables too. SITREP_TIMING shows it taken: 5
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

int fts_build_finish(struct fts_build *b, char **err)
{
	static const char *const shadow[] = {"event_fts_data", "event_fts_idx", "event_fts_docsize",
					     "event_fts_config"};
	int rc = fts_build_close(b, err);
	double t0 = monotonic_ms();
	join(b, rc < 0);
	if (timing_on())
		fprintf(stderr, "timing: waited for the full-text thread %.1f ms\n",
			monotonic_ms() - t0);
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
	for (size_t i = 0; rc == 0 && i < ARRAY_SIZE(shadow); i++) {
		if (copy_table(b->into, shadow[i]) < 0) {
			*err = xasprintf("full-text index: copying %s: %s", shadow[i],
					 sqlite3_errmsg(b->into));
			rc = -1;
		}
	}
	if (defensive)
		sqlite3_db_config(b->into, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	return rc;
}

void fts_build_release(struct fts_build *b)
{
	if (!b)
		return;
	join(b, true);
	sqlite3_close(b->db);
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
