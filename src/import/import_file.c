/* import_file: one file of `sitrep import`, start to end (see import_file.h). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sitrep/csv.h"
#include "sitrep/db.h"
#include "sitrep/encoding.h"
#include "sitrep/message.h"
#include "import_csv.h"
#include "import_input.h"
#include "sitrep/import_file.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_map.h"
#include "sitrep/import_reader.h"
#include "sitrep/strbuf.h"
#include "sitrep/progress.h"
#include "sitrep/util.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

void import_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

bool import_interrupted(void)
{
	return interrupted != 0;
}

/* The header record of the file, copied (it must outlive the records). */
static void header_copy(const struct csv_record *rec, struct csv_record *hdr)
{
	hdr->nfields = rec->nfields;
	hdr->line = rec->line;
	hdr->fields = xcalloc(hdr->nfields ? hdr->nfields : 1, sizeof(char *));
	hdr->lengths = xcalloc(hdr->nfields ? hdr->nfields : 1, sizeof(size_t));
	for (size_t i = 0; i < hdr->nfields; i++) {
		hdr->fields[i] = xstrndup(rec->fields[i], rec->lengths[i]);
		hdr->lengths[i] = rec->lengths[i];
	}
}

static void header_free(struct csv_record *hdr)
{
	for (size_t i = 0; i < hdr->nfields; i++)
		free(hdr->fields[i]);
	free(hdr->fields);
	free(hdr->lengths);
}

/* No reader (or not the one of --format) reads the header: say what each
 * (or that one) misses, so the user sees which columns to add or --map. */
static void say_missing(struct import_ctx *ctx, const struct csv_record *hdr,
			const struct import_reader *only, const char *found)
{
	struct strbuf b = STRBUF_INIT;
	if (found)
		sb_addf(&b, "%s:1: --format %s, but the header is %s", ctx->file, only->name,
			found);
	else
		sb_addf(&b, "%s:1: not an ACLED or UCDP GED header%s", ctx->file,
			only ? " (--format says it is)" : "");
	const char *sep = ":";
	for (const struct import_reader *const *r = import_readers; hdr && *r; r++) {
		if (!(*r)->required || (only && *r != only))
			continue;
		sb_addf(&b, "%s %s lacks", sep, (*r)->name);
		sep = ";";
		const char *comma = " ";
		for (const char *const *c = (*r)->required; *c; c++) {
			const char *one[] = {*c, NULL};
			if (import_has_all(hdr, one))
				continue;
			sb_add(&b, comma);
			for (const char *k = *c; *k; k++) /* "event_date or date" */
				*k == '|' ? sb_add(&b, " or ") : sb_addn(&b, k, 1);
			comma = ", ";
		}
	}
	if (hdr)
		sb_add(&b, " (--map NAME=COLUMN gives a column of yours a name)");
	message_(stderr, "%s\n", sb_str(&b));
	sb_free(&b);
}

/* The reader for the file: --format's when it agrees with the header (or
 * reads the file itself), else the one that detects it. NULL after saying
 * why none can read it. */
static const struct import_reader *pick(struct import_ctx *ctx, const struct import_file_opts *o,
					const struct import_probe *p, struct import_kind *kind)
{
	const struct import_reader *found =
	    import_reader_detect(p, kind->layout, sizeof(kind->layout));
	if (!o->format) {
		if (!found)
			say_missing(ctx, p->hdr, NULL, NULL);
		return found;
	}
	if (found == o->format)
		return found;
	if (!o->format->csv) { /* the reader reports what it finds wrong */
		snprintf(kind->layout, sizeof(kind->layout), "%s", o->format->name);
		return o->format;
	}
	if (o->format->detect(p, kind->layout, sizeof(kind->layout)))
		return o->format;
	say_missing(ctx, p->hdr, o->format, found ? kind->layout : NULL);
	return NULL;
}

/* Read the file with its reader: 0, or -1 when the file must not land. */
static int run(struct import_ctx *ctx, FILE *f, const struct import_file_opts *o,
	       const struct import_sniff *sn, struct import_kind *kind)
{
	struct csv_in in;
	memset(&in, 0, sizeof(in));
	struct csv_record hdr = {0};
	char *err = NULL;
	in.csv = csv_open(f, ',');
	int hrc = csv_read(in.csv, &in.rec);
	if (hrc > 0)
		header_copy(&in.rec, &hdr);
	if (hrc > 0 && o->map && import_map_apply(o->map, &hdr, &err) < 0) {
		message_(stderr, "%s:1: %s\n", ctx->file, err);
		free(err);
		header_free(&hdr);
		csv_close(in.csv);
		return -1;
	}
	struct import_probe probe = {sn->head, sn->nhead, hrc > 0 ? &hdr : NULL};
	const struct import_reader *r = pick(ctx, o, &probe, kind);
	struct import_source src = {.f = f};
	int rc = -1;
	if (!r) {
		/* said */
	} else if (!r->csv) {
		/* it reads the file from the start itself */
		csv_close(in.csv);
		in.csv = NULL;
		if (fseek(f, 0, SEEK_SET) == 0)
			rc = r->run(ctx, &src);
		else
			message_(stderr, "%s: %s\n", ctx->file, strerror(errno));
	} else if (hrc <= 0) {
		message_(stderr, "%s: %s\n", ctx->file,
			 hrc < 0 ? csv_error(in.csv) : "no header line");
	} else if (!sn->utf8 && !(in.conv = enc_cp1252_open(&err))) {
		message_(stderr, "%s: %s\n", ctx->file, err);
		free(err);
	} else {
		in.hdr = &hdr;
		if (!o->quiet)
			in.progress = progress_new(stderr, ctx->file, sn->size);
		src.csv = &in;
		rc = r->run(ctx, &src);
		progress_done(in.progress);
	}
	header_free(&hdr);
	enc_close(in.conv);
	csv_in_free(&in);
	if (in.csv)
		csv_close(in.csv);
	return rc;
}

/* ---- bulk mode: a big file into a small database. Every row of an import
 * lands in the secondary indexes (a dozen on event) as a random B-tree
 * insert; dropping them inside the transaction and building them again
 * before the commit sorts each once instead, several times faster. DDL is
 * transactional: an interrupted import still leaves the database as it was.
 * Unique indexes stay, the importers look rows up by them. */

#define BULK_MIN_BYTES     (16LL << 20)
#define BULK_BYTES_PER_ROW 256 /* a conservative guess for exports */

struct bulk {
	char **sql; /* CREATE INDEX statements to run again */
	size_t n;
};

static long long max_event_id(sqlite3 *db)
{
	sqlite3_stmt *st;
	long long n = 0;
	if (sqlite3_prepare_v2(db, "SELECT max(id) FROM event", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static bool bulk_wanted(sqlite3 *db, long long bytes)
{
	return bytes >= BULK_MIN_BYTES && bytes / BULK_BYTES_PER_ROW >= max_event_id(db);
}

/* Drop the indexes of event, and of event_actor and source unless the
 * second thread builds those tables (it copies them in with their
 * indexes: store_children_aside). */
static int bulk_begin(sqlite3 *db, bool children_aside, struct bulk *b)
{
	memset(b, 0, sizeof(*b));
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
			       " AND (tbl_name = 'event' OR (NOT ?1"
			       "  AND tbl_name IN ('event_actor', 'source')))"
			       " AND sql LIKE 'CREATE INDEX %'",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, children_aside);
	char **names = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		b->sql = xrealloc(b->sql, (b->n + 1) * sizeof(*b->sql));
		names = xrealloc(names, (b->n + 1) * sizeof(*names));
		names[b->n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		b->sql[b->n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	int rc = 0;
	for (size_t i = 0; i < b->n; i++) {
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
		if (rc == 0 && sqlite3_exec(db, drop, NULL, NULL, NULL) != SQLITE_OK)
			rc = -1;
		sqlite3_free(drop);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Into a database that has events, a big file may be this week's export
 * of mostly new rows, or last week's again: every row unchanged, which
 * the fingerprints tell without touching an index. Dropping and building
 * the indexes again would then cost more than all the rows. So the choice
 * waits for the first BULK_SAMPLE rows: when most of them were written
 * (new or updated), the rest go in bulk (the indexes of event, event_actor
 * and source dropped then; the rows so far are in the tables and the
 * builds at the end take them too); else every index stays in place. */
#define BULK_SAMPLE 2000

struct late_bulk {
	sqlite3 *db;
	struct bulk *bulk;
	bool chosen;
};

static void bulk_decide(struct import_ctx *ctx)
{
	struct late_bulk *lb = ctx->hook_arg;
	ctx->hook = NULL;
	if ((ctx->stats.inserted + ctx->stats.updated) * 2 < BULK_SAMPLE)
		return;
	lb->chosen = true;
	if (timing_on())
		fprintf(stderr, "timing: bulk mode after the first %d rows (most were written)\n",
			BULK_SAMPLE);
	if (bulk_begin(lb->db, false, lb->bulk) < 0) {
		char *err = db_error(lb->db);
		fprintf(ctx->msg, "%s: %s\n", ctx->file, err);
		free(err);
		ctx->failed = true;
	}
}

static int bulk_end(sqlite3 *db, struct bulk *b, bool build)
{
	int rc = 0;
	/* CREATE INDEX sorts in runs as large as the page cache, then merges
	 * them. Runs of 2 MiB sort within the CPU's caches: on a million
	 * events the indexes take 12 s this way against 20 s with the
	 * import's 64 MiB cache, which the rows want (db_open_rw). SQLite's
	 * sorter sorts the runs on helper threads when allowed: the second
	 * core, idle once the second thread has merged the full-text index,
	 * takes a third of the builds' CPU off this thread (on 200,000 events
	 * 2.8 s of CPU here instead of 4.2 s, best of the 1, 2 and 4 threads
	 * and the 0.5 to 32 MiB caches tried). */
	if (build && b->n > 0) {
		db_cache_kib(db, 2048);
		sqlite3_exec(db, "PRAGMA threads = 2", NULL, NULL, NULL);
	}
	for (size_t i = 0; i < b->n; i++) {
		/* Ctrl-C: the transaction will be rolled back, so the indexes
		 * left are not built; the wait is at most one build. */
		bool wanted = build && rc == 0 && !import_interrupted();
		if (wanted && sqlite3_exec(db, b->sql[i], NULL, NULL, NULL) != SQLITE_OK)
			rc = -1;
		free(b->sql[i]);
	}
	if (build && b->n > 0) {
		db_cache_kib(db, DB_WRITE_CACHE_KIB);
		sqlite3_exec(db, "PRAGMA threads = 0", NULL, NULL, NULL);
	}
	free(b->sql);
	memset(b, 0, sizeof(*b));
	return rc;
}

/* SITREP_TIMING: milliseconds per phase of the import on stderr, wall and
 * this thread's CPU (what the other thread takes off it shows), for
 * bench/import.sh. */
static void phase(const char *what, double t[2])
{
	double now = monotonic_ms(), cpu = thread_cpu_ms();
	if (timing_on() && what)
		fprintf(stderr, "timing: %-8s %9.1f ms, this thread's CPU %9.1f ms\n", what,
			now - t[0], cpu - t[1]);
	t[0] = now;
	t[1] = cpu;
}

static void summary(const char *name, const struct import_kind *kind, const struct import_stats *st)
{
	char merged[96] = "", older[96] = "";
	if (st->merged)
		snprintf(merged, sizeof(merged), "; %ld rows merged into their events' other side",
			 st->merged);
	if (st->older)
		snprintf(older, sizeof(older),
			 "; %ld older than the version stored, kept out (--replace takes them)",
			 st->older);
	message_(stdout,
		 "%s (%s): %ld read, %ld imported, %ld updated, %ld unchanged, %ld skipped%s%s\n",
		 name, kind->layout, st->read + st->other, st->inserted + st->other, st->updated,
		 st->unchanged, st->skipped, older, merged);
}

/* Refuse what cannot be an export before opening a transaction. */
static int check_input(const char *name, const struct import_sniff *sn,
		       const struct import_file_opts *o)
{
	if (sn->empty) {
		message_(stderr, "%s: empty file: nothing to import\n", name);
		return -1;
	}
	if (sn->binary) {
		message_(stderr, "%s: binary data (a NUL byte), not a CSV or sitrep text file\n",
			 name);
		return -1;
	}
	if (!sn->utf8 && !o->quiet)
		message_(stderr, "%s:%lu: not valid UTF-8: reading the file as Windows-1252\n",
			 name, sn->bad_line);
	return 0;
}

/* The file's transaction: its rows, then its commit or its roll back.
 * 0, or -1 when the file did not land (said). */
static int import_rows(struct store *s, const struct import_file_opts *o, struct import_input *in,
		       const struct import_sniff *sn, FILE *msgs)
{
	const char *name = in->name;
	FILE *f = in->f;
	struct import_ctx ctx = {
	    .store = s, .file = name, .strict = o->strict, .quiet = o->quiet, .msg = msgs};
	struct import_kind kind = {"unknown"};
	char *err = NULL;
	struct bulk bulk = {0};
	sqlite3 *db = store_db(s);
	double t[2];
	phase(NULL, t);
	store_set_replace(s, o->replace);
	int rc = store_begin(s, &err);
	struct late_bulk late = {db, &bulk, false};
	if (rc == 0 && bulk_wanted(db, sn->size) && max_event_id(db) > 0) {
		ctx.hook = bulk_decide;
		ctx.hook_rows = BULK_SAMPLE;
		ctx.hook_arg = &late;
	} else if (rc == 0 && bulk_wanted(db, sn->size)) {
		if (timing_on())
			fprintf(stderr, "timing: bulk mode from the start (an empty database)\n");
		/* First: the second thread copies definitions bulk_begin drops.
		 * Without it (no room in TMPDIR, say) the import is slower, not
		 * wrong: everything is then written in place. */
		if (store_side_async(s, &err) < 0) {
			if (!o->quiet)
				message_(stderr, "%s: %s; importing on one thread\n", name, err);
			free(err);
			err = NULL;
		}
		if ((rc = bulk_begin(db, store_children_aside(s), &bulk)) < 0)
			err = db_error(db);
	}
	if (rc == 0)
		rc = run(&ctx, f, o, sn, &kind);
	if (ctx.hook_arg == &late && !late.chosen && timing_on())
		fprintf(stderr,
			"timing: bulk mode not chosen (most rows unchanged): indexes kept\n");
	/* a file cut or rewritten under the reader lands nothing */
	if (rc == 0 && import_input_unchanged(in, sn) < 0)
		ctx.failed = true;
	phase("rows", t);
	bool ok = rc == 0 && !ctx.failed && !import_interrupted();
	if (ok && store_rows_done(s, &err) < 0)
		ok = false, rc = -1;
	if (bulk_end(db, &bulk, ok) < 0 && ok) {
		rc = -1;
		err = db_error(db);
	}
	phase("indexes", t);
	if (rc == 0 && !ctx.failed && import_interrupted()) {
		message_(stderr, "%s: interrupted\n", name);
		rc = -1;
	}
	if (rc < 0 || ctx.failed) {
		store_rollback(s);
		if (err)
			message_(stderr, "%s: %s\n", name, err);
		message_(stderr, "%s: not imported; the database is unchanged\n", name);
		free(err);
		return -1;
	}
	int crc = store_count_updates(s, ctx.stats.updated, &err);
	if (crc == 0)
		crc = store_commit(s, &err);
	phase("commit", t);
	if (crc < 0) {
		store_rollback(s);
		message_(stderr, "%s: %s; not imported, the database is unchanged\n", name, err);
		free(err);
		return -1;
	}
	if (!o->quiet)
		summary(name, &kind, &ctx.stats);
	const struct import_stats *st = &ctx.stats;
	if (st->skipped > 0 &&
	    st->inserted + st->updated + st->unchanged + st->older + st->other + st->merged == 0) {
		/* every row bad: a file that lands nothing has failed, whatever
		 * was read (the database is as it was: nothing was written) */
		message_(stderr, "%s: every row was skipped: nothing imported\n", name);
		return -1;
	}
	return 0;
}

int import_path(struct store *s, const struct import_file_opts *o, const char *path)
{
	struct import_input in;
	struct import_sniff sn;
	if (import_input_open(&in, path) < 0)
		return -1;
	if (import_input_sniff(&in, &sn) < 0 || check_input(in.name, &sn, o) < 0) {
		import_input_close(&in);
		return -1;
	}
	/* The readers' messages quote cells: sanitised line by line. */
	FILE *msgs = message_stream(stderr);
	int rc = import_rows(s, o, &in, &sn, msgs ? msgs : stderr);
	if (msgs)
		fclose(msgs);
	import_input_close(&in);
	return rc;
}
