/* import: reading files into a sitrep database. Each format reader turns
 * its records into struct event_in (see store.h) and hands them to the
 * store; this header is what the readers and `sitrep import` share: the
 * per-file context, counting, and reporting bad rows as file:line. */
#ifndef SITREP_IMPORT_H
#define SITREP_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "sitrep/store.h"

struct import_stats {
	long read;      /* records read */
	long inserted;  /* new events */
	long updated;   /* events that changed */
	long unchanged; /* events already present as they are */
	long skipped;   /* bad records, each reported */
	long older;     /* rows older than the event stored, kept out */
	long other;     /* records that are not events (actors, places, meta) */
	long merged;    /* rows merged into another row's event (one row per
			   actor), not in read */
};

struct import_ctx {
	struct store *store;
	const char *file; /* name used in messages */
	bool strict;      /* stop at the first bad record */
	bool quiet;       /* problems only: no notes */
	FILE *msg;        /* where file:line messages go (stderr) */
	struct import_stats stats;
	bool failed; /* a fatal error: the file's transaction is rolled back */
	/* Called once, when the stats first count hook_rows stored rows
	 * (import_file.c chooses the bulk mode there, having seen whether
	 * the rows are new or a re-import's unchanged ones). */
	void (*hook)(struct import_ctx *ctx);
	long hook_rows;
	void *hook_arg;
};

/* An event read at line, to the store, counted. 0, or -1 when the file's
 * import must stop (the database failed: reported, ctx->failed set). */
int import_event(struct import_ctx *ctx, const struct event_in *e, unsigned long line);
/* Register alias as another name of the actor name; an alias that already
 * names another actor stays with it (the data set's curated actors win
 * over an export's wording). */
void import_alias(struct import_ctx *ctx, const char *name, const char *alias);

/* Report a bad record at line: "file:line: message", count it skipped.
 * Returns -1 when the import must stop (strict), else 0. */
int import_bad(struct import_ctx *ctx, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Skip (reported and counted as import_bad does) an event with a field over
 * 1 MiB or over 4 MiB of text in all: 0 when it may be stored, 1 when it
 * was skipped, -1 when the import must stop (strict). (import_size.c) */
int import_size_check(struct import_ctx *ctx, const struct event_in *e, unsigned long line);
/* Count a store result. */
void import_count(struct import_ctx *ctx, enum store_result res);

/* Format readers: 0 on success (bad records may have been skipped),
 * -1 on a fatal error (already reported). */
int import_native(struct import_ctx *ctx, FILE *in);
int import_places(struct import_ctx *ctx, FILE *in);

#endif
