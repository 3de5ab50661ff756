/* import: what every format reader shares (see import.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

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
	}
}
