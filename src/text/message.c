/* message: sanitised messages on standard error (see message.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/message.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

void message_sanitize(struct strbuf *out, const char *msg)
{
	int flags = text_locale_is_utf8() ? 0 : TEXT_ASCII;
	while (*msg) {
		const char *nl = strchr(msg, '\n');
		size_t n = nl ? (size_t)(nl - msg) : strlen(msg);
		char *line = xstrndup(msg, n);
		text_sanitize(out, line, flags);
		free(line);
		if (!nl)
			break;
		sb_addc(out, '\n');
		msg = nl + 1;
	}
}

static void write_sanitized(FILE *f, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	message_sanitize(&sb, text);
	fputs(sb_str(&sb), f);
	sb_free(&sb);
}

void message_install(void)
{
	util_set_message_writer(write_sanitized);
}

/* ---- a stream of lines */

struct line_stream {
	FILE *to;
	struct strbuf pending; /* the line written so far */
};

static void flush_lines(struct line_stream *ls, bool all)
{
	char *buf = ls->pending.buf;
	char *nl = buf ? strrchr(buf, '\n') : NULL;
	size_t n = all ? ls->pending.len : nl ? (size_t)(nl + 1 - buf) : 0;
	if (n == 0)
		return;
	char *lines = xstrndup(buf, n);
	write_sanitized(ls->to, lines);
	free(lines);
	struct strbuf rest = STRBUF_INIT;
	sb_addn(&rest, buf + n, ls->pending.len - n);
	sb_free(&ls->pending);
	ls->pending = rest;
}

static ssize_t ls_write(void *cookie, const char *buf, size_t size)
{
	struct line_stream *ls = cookie;
	/* a NUL would end the line early: it is a control like the others */
	for (size_t i = 0; i < size; i++)
		sb_addc(&ls->pending, buf[i] ? buf[i] : '\x01');
	flush_lines(ls, false);
	return (ssize_t)size;
}

static int ls_close(void *cookie)
{
	struct line_stream *ls = cookie;
	flush_lines(ls, true);
	fflush(ls->to);
	sb_free(&ls->pending);
	free(ls);
	return 0;
}

FILE *message_stream(FILE *to)
{
	struct line_stream *ls = xcalloc(1, sizeof(*ls));
	ls->to = to;
	sb_init(&ls->pending);
	cookie_io_functions_t io = {.write = ls_write, .close = ls_close};
	FILE *f = fopencookie(ls, "w", io);
	if (!f) {
		free(ls);
		return NULL;
	}
	setvbuf(f, NULL, _IOLBF, 0);
	return f;
}
