/* csv: a streaming RFC 4180 reader (see csv.h). The input is read in large
 * blocks; unquoted and quoted runs are copied a span at a time, so the
 * per-byte work is a table look-up and a compare, never a function call. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/csv.h"
#include "sitrep/util.h"

#define CSV_BLOCK (256 * 1024)
/* A record larger than this is not a real one: most likely an unbalanced
 * quote in a big file, or binary input. Refusing it bounds memory. */
#define CSV_MAX_RECORD (64u * 1024 * 1024)
/* Real exports have a few dozen columns; a record of more fields than this
 * is refused, since each costs 24 bytes of bookkeeping beyond its text and a
 * 64 MiB line of commas would otherwise take 1.5 GB. */
#define CSV_MAX_FIELDS 16384u

enum csv_state { ST_FIELD, ST_UNQUOTED, ST_QUOTED, ST_QUOTE };

struct csv_reader {
	FILE *f;
	char delim;
	unsigned char special[256]; /* bytes that end an unquoted run */
	char *buf;
	size_t pos, end;
	bool eof;
	bool skip_lf; /* the last record ended at a CR: a following LF is its */
	bool started;
	bool quoted; /* the current record has a quoted field */
	int bom;
	long long consumed; /* bytes of input before buf[0] */
	unsigned long line; /* line at buf[pos], 1-based */
	/* The current record: field bytes, each NUL-terminated, back to back. */
	char *rec;
	size_t reclen, reccap;
	size_t *offs, *lens;
	char **fields;
	size_t nf, fcap;
	char err[160];
	bool failed;
};

struct csv_reader *csv_open(FILE *f, char delim)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->f = f;
	r->delim = delim;
	r->special[(unsigned char)delim] = 1;
	r->special['"'] = 1;
	r->special['\r'] = 1;
	r->special['\n'] = 1;
	r->buf = xmalloc(CSV_BLOCK);
	r->line = 1;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->rec);
	free(r->offs);
	free(r->lens);
	free(r->fields);
	free(r);
}

const char *csv_error(const struct csv_reader *r)
{
	return r->err[0] ? r->err : "no error";
}

int csv_had_bom(const struct csv_reader *r)
{
	return r->bom;
}

long long csv_offset(const struct csv_reader *r)
{
	return r->consumed + (long long)r->pos;
}

/* Keep the unread tail and top the block up. Returns bytes available. */
static size_t refill(struct csv_reader *r)
{
	if (r->pos < r->end || r->eof)
		return r->end - r->pos;
	r->consumed += (long long)r->end;
	r->pos = r->end = 0;
	size_t n = fread(r->buf, 1, CSV_BLOCK, r->f);
	if (n == 0) {
		r->eof = true;
		if (ferror(r->f))
			snprintf(r->err, sizeof(r->err), "read error");
	}
	r->end = n;
	return n;
}

static bool rec_room(struct csv_reader *r, size_t n)
{
	if (r->reclen + n + 1 <= r->reccap)
		return true;
	if (r->reclen + n + 1 > CSV_MAX_RECORD) {
		snprintf(r->err, sizeof(r->err),
			 "line %lu: record longer than %u MiB (unbalanced quote or binary data?)",
			 r->line, CSV_MAX_RECORD >> 20);
		r->failed = true;
		return false;
	}
	size_t cap = r->reccap ? r->reccap : 4096;
	while (cap < r->reclen + n + 1)
		cap *= 2;
	r->rec = xrealloc(r->rec, cap);
	r->reccap = cap;
	return true;
}

static bool rec_add(struct csv_reader *r, const char *s, size_t n)
{
	if (!rec_room(r, n))
		return false;
	memcpy(r->rec + r->reclen, s, n);
	r->reclen += n;
	return true;
}

static bool field_begin(struct csv_reader *r)
{
	if (r->nf == CSV_MAX_FIELDS) {
		snprintf(r->err, sizeof(r->err),
			 "line %lu: more than %u fields (not a CSV file of events?)", r->line,
			 CSV_MAX_FIELDS);
		r->failed = true;
		return false;
	}
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 64;
		r->offs = xrealloc(r->offs, r->fcap * sizeof(*r->offs));
		r->lens = xrealloc(r->lens, r->fcap * sizeof(*r->lens));
		r->fields = xrealloc(r->fields, r->fcap * sizeof(*r->fields));
	}
	r->offs[r->nf] = r->reclen;
	return true;
}

static bool field_end(struct csv_reader *r)
{
	if (!rec_room(r, 0))
		return false;
	r->lens[r->nf] = r->reclen - r->offs[r->nf];
	r->rec[r->reclen++] = '\0';
	r->nf++;
	return true;
}

static void skip_bom(struct csv_reader *r)
{
	r->started = true;
	/* A short read can split the mark; top the block up to 3 bytes. */
	while (r->end < 3 && !r->eof) {
		size_t n = fread(r->buf + r->end, 1, CSV_BLOCK - r->end, r->f);
		if (n == 0)
			r->eof = true;
		r->end += n;
	}
	if (r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
		r->bom = 1;
		r->pos = 3;
	}
}

static void count_lines(struct csv_reader *r, const char *s, size_t n)
{
	const char *e = s + n;
	while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		r->line++;
		s++;
	}
}

/* Parse bytes into the current record until it ends. Returns 1 when the
 * record is complete, 0 at end of input (record possibly partial), -1 on
 * error. state carries over block boundaries. */
static int parse(struct csv_reader *r, enum csv_state *state, unsigned long *qline)
{
	for (;;) {
		if (refill(r) == 0)
			return r->err[0] ? -1 : 0;
		const char *p = r->buf + r->pos, *e = r->buf + r->end;
		if (r->skip_lf) {
			r->skip_lf = false;
			if (*p == '\n') {
				p++;
				r->pos++;
				continue;
			}
		}
		while (p < e) {
			unsigned char c = (unsigned char)*p;
			switch (*state) {
			case ST_FIELD:
				if (!field_begin(r))
					return -1;
				if (c == '"') {
					*state = ST_QUOTED;
					*qline = r->line;
					r->quoted = true;
					p++;
					break;
				}
				*state = ST_UNQUOTED;
				/* fall through */
			case ST_UNQUOTED: {
				const char *s = p;
				while (p < e && !r->special[(unsigned char)*p])
					p++;
				if (p > s && !rec_add(r, s, (size_t)(p - s)))
					return -1;
				if (p == e)
					break;
				c = (unsigned char)*p++;
				if (c == '"') { /* a stray quote is kept as it is */
					if (!rec_add(r, "\"", 1))
						return -1;
					break;
				}
				if (!field_end(r))
					return -1;
				if (c == (unsigned char)r->delim) {
					*state = ST_FIELD;
					break;
				}
				r->line++;
				r->skip_lf = c == '\r';
				r->pos = (size_t)(p - r->buf);
				return 1;
			}
			case ST_QUOTED: {
				const char *q = memchr(p, '"', (size_t)(e - p));
				const char *s = p;
				p = q ? q : e;
				count_lines(r, s, (size_t)(p - s));
				if (p > s && !rec_add(r, s, (size_t)(p - s)))
					return -1;
				if (q) {
					p++;
					*state = ST_QUOTE;
				}
				break;
			}
			case ST_QUOTE: /* after a quote inside a quoted field */
				if (c == '"') {
					if (!rec_add(r, "\"", 1))
						return -1;
					p++;
					*state = ST_QUOTED;
				} else {
					/* Closed: anything up to the delimiter is
					 * kept, as spreadsheets do ("a"b -> ab). */
					*state = ST_UNQUOTED;
				}
				break;
			}
		}
		r->pos = r->end;
	}
}

int csv_read(struct csv_reader *r, struct csv_record *rec)
{
	if (r->failed)
		return -1;
	if (!r->started)
		skip_bom(r);
	for (;;) {
		enum csv_state state = ST_FIELD;
		unsigned long qline = 0;
		r->reclen = 0;
		r->nf = 0;
		r->quoted = false;
		rec->line = r->line;
		int rc = parse(r, &state, &qline);
		if (rc < 0) {
			r->failed = true;
			return -1;
		}
		if (rc == 0) {
			if (state == ST_QUOTED) {
				snprintf(r->err, sizeof(r->err),
					 "line %lu: unterminated quoted field at end of file",
					 qline);
				r->failed = true;
				return -1;
			}
			if (state == ST_FIELD && r->nf == 0)
				return 0;
			if (state != ST_FIELD && !field_end(r))
				return -1;
			else if (state == ST_FIELD) { /* "a,b," at EOF: last empty */
				if (!field_begin(r) || !field_end(r))
					return -1;
			}
		}
		/* A blank line is no record (RFC 4180 has none; files end
		 * with them). */
		if (r->nf == 1 && r->lens[0] == 0 && !r->quoted)
			continue;
		for (size_t i = 0; i < r->nf; i++)
			r->fields[i] = r->rec + r->offs[i];
		rec->nfields = r->nf;
		rec->fields = r->fields;
		rec->lengths = r->lens;
		return 1;
	}
}
