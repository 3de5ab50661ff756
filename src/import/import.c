/* import: what every format reader shares (see import.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "sitrep/import.h"

int import_bad(struct import_ctx *ctx, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(ctx->msg, "%s:%lu: ", ctx->file, line);
	vfprintf(ctx->msg, fmt, ap);
	fputc('\n', ctx->msg);
	va_end(ap);
	ctx->stats.skipped++;
	if (ctx->strict) {
		ctx->failed = true;
		return -1;
	}
	return 0;
}

void import_count(struct import_ctx *ctx, enum store_result res)
{
	switch (res) {
	case STORE_INSERTED:
		ctx->stats.inserted++;
		break;
	case STORE_UPDATED:
		ctx->stats.updated++;
		break;
	case STORE_UNCHANGED:
		ctx->stats.unchanged++;
		break;
	case STORE_OLDER:
		ctx->stats.older++;
		break;
	}
	const struct import_stats *s = &ctx->stats;
	if (ctx->hook && s->inserted + s->updated + s->unchanged + s->older == ctx->hook_rows)
		ctx->hook(ctx);
}

int import_event(struct import_ctx *ctx, const struct event_in *e, unsigned long line)
{
	char *err = NULL;
	enum store_result res;
	int size = import_size_check(ctx, e, line);
	if (size != 0)
		return size < 0 ? -1 : 0;
	if (store_event(ctx->store, e, &res, &err) < 0) {
		/* Rows are checked before they get here: what fails now is the
		 * database (disk full, I/O), and the file's import stops. */
		fprintf(ctx->msg, "%s:%lu: %s\n", ctx->file, line, err);
		free(err);
		ctx->failed = true;
		return -1;
	}
	import_count(ctx, res);
	return 0;
}

void import_alias(struct import_ctx *ctx, const char *name, const char *alias)
{
	char *err = NULL;
	store_alias(ctx->store, name, alias, &err);
	free(err);
}
