/* import_csv: shared reading of CSV exports (see import_csv.h). */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/extra_json.h"
#include "import_csv.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_file.h"
#include "sitrep/util.h"

void csv_in_add_columns(struct csv_in *in, const char *const *names, size_t n)
{
	const struct csv_record *h = in->hdr;
	struct csv_record *a = &in->hdr_added;
	in->base = h->nfields;
	a->nfields = h->nfields + n;
	a->line = h->line;
	a->fields = xcalloc(a->nfields, sizeof(char *));
	a->lengths = xcalloc(a->nfields, sizeof(size_t));
	for (size_t i = 0; i < h->nfields; i++) {
		a->fields[i] = xstrndup(h->fields[i], h->lengths[i]);
		a->lengths[i] = h->lengths[i];
	}
	for (size_t i = 0; i < n; i++) {
		a->fields[h->nfields + i] = xstrdup(names[i]);
		a->lengths[h->nfields + i] = strlen(names[i]);
	}
	in->hdr = a;
}

void csv_in_columns(struct csv_in *in, const char *const *names, size_t n)
{
	in->ncols = n < IMPORT_CSV_MAX_COLS ? n : IMPORT_CSV_MAX_COLS;
	import_columns(in->hdr, names, in->ncols, in->idx);
	if (!in->hdr_added.fields)
		in->base = in->hdr->nfields;
	/* Legacy exports pad the header with empty cells; rows may or may
	 * not carry the matching empty fields. */
	in->width = in->base;
	while (in->width > 0 && in->hdr->lengths[in->width - 1] == 0)
		in->width--;
}

static bool blank_tail(const struct csv_record *r, size_t from)
{
	for (size_t i = from; i < r->nfields; i++)
		if (r->lengths[i] != 0)
			return false;
	return true;
}

/* The record is a row of HXL hashtags (#date, #adm1+name), which files
 * from HDX (data.humdata.org) carry under their header: every non-empty
 * field a tag, at least one. */
static bool hxl_tags(const struct csv_record *r)
{
	size_t tags = 0;
	for (size_t i = 0; i < r->nfields; i++) {
		if (r->lengths[i] == 0)
			continue;
		if (r->fields[i][0] != '#' || r->lengths[i] < 2)
			return false;
		tags++;
	}
	return tags > 0;
}

int csv_in_next(struct import_ctx *ctx, struct csv_in *in)
{
	for (;;) {
		if (import_interrupted())
			return -1;
		int rc = csv_read(in->csv, &in->rec);
		if (rc == 0)
			return 0;
		if (rc < 0) {
			/* The reader cannot go on (an unbalanced quote swallowed
			 * the rest): rows before it stand unless strict. */
			const char *msg = csv_error(in->csv);
			if (strncmp(msg, "line ", 5) == 0 && strstr(msg, ": "))
				msg = strstr(msg, ": ") + 2; /* the line is in front already */
			import_bad(ctx, in->rec.line, "%s", msg);
			ctx->stats.read++;
			return -1;
		}
		if (!in->past_tags && (in->past_tags = true) && hxl_tags(&in->rec))
			continue; /* HDX's second header line: not a row */
		ctx->stats.read++;
		if (in->progress && (ctx->stats.read & 1023) == 0)
			progress_update(in->progress, ctx->stats.read, csv_offset(in->csv));
		if (in->rec.nfields < in->width) {
			if (import_bad(ctx, in->rec.line, "%zu fields, the header has %zu",
				       in->rec.nfields, in->width) < 0)
				return -1;
			continue;
		}
		if (in->rec.nfields > in->base && !blank_tail(&in->rec, in->base)) {
			if (import_bad(ctx, in->rec.line,
				       "%zu fields, the header has %zu (an unquoted comma?)",
				       in->rec.nfields, in->base) < 0)
				return -1;
			continue;
		}
		return 1;
	}
}

/* The bytes of a space at s (n bytes left), 0 when none: ASCII blanks and
 * the spaces spreadsheets write — U+00A0 (Windows-1252's 0xA0 in a file
 * read as cp1252), U+2000..U+200A, U+202F, U+205F, U+3000. */
static size_t space_at(const unsigned char *s, size_t n, bool cp1252)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	if (cp1252)
		return *s == 0xA0;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
		return 3;
	if (n >= 3 && ((s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) ||
		       (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)))
		return 3;
	return 0;
}

/* The bytes of a space that ends s[0..n), 0 when none. */
static size_t space_before(const unsigned char *s, size_t n, bool cp1252)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_at(s + n - k, k, cp1252) == k)
			return k;
	return 0;
}

/* What R, pandas and databases write for "no value", as a whole field
 * (n bytes at s). */
static bool is_missing(const char *s, size_t n)
{
	static const char *const words[] = {"NA", "N/A", "NULL", "NaN"};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return true;
	return false;
}

/* What the C1 control U+0091..U+0097 at s (bytes C2 91..C2 97) stood for
 * in Windows-1252 text decoded as Latin-1: its quote or dash, or NULL. */
static const char *c1_mojibake(const unsigned char *s, size_t n)
{
	static const char *const fix[] = {
	    "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d", /* ‘ ’ “ ” */
	    NULL,           "\xe2\x80\x93", "\xe2\x80\x94",                 /* – — */
	};
	if (n < 2 || s[0] != 0xC2 || s[1] < 0x91 || s[1] > 0x97)
		return NULL;
	return fix[s[1] - 0x91];
}

/* s (UTF-8, n bytes, trimmed) as a user would type it: a run of spaces with
 * a Unicode one in it (a no-break space inside a name) becomes one ASCII
 * space, and C1 mojibake its quote or dash. Runs of ASCII blanks alone stay
 * as written (the lines of a note). s itself when nothing changes, else
 * the text in buf. */
static const char *text_as_typed(const char *s, size_t n, struct strbuf *buf)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;
	while (i < n && u[i] < 0x80)
		i++;
	if (i == n)
		return s; /* ASCII: nothing to do, the common case */
	sb_reset(buf);
	sb_addn(buf, s, i);
	while (i < n) {
		const char *fix = c1_mojibake(u + i, n - i);
		if (fix) {
			sb_add(buf, fix);
			i += 2;
			continue;
		}
		size_t plain = 0; /* bytes that start neither a space nor C1 */
		while (i + plain < n && !strchr(" \t\r\n\xc2\xe2\xe3", u[i + plain]))
			plain++;
		if (plain) {
			sb_addn(buf, s + i, plain);
			i += plain;
			continue;
		}
		size_t run = 0;
		bool unicode = false;
		while (i + run < n && (k = space_at(u + i + run, n - i - run, false)) > 0) {
			unicode |= k > 1;
			run += k;
		}
		if (unicode)
			sb_add(buf, " ");
		else
			sb_addn(buf, s + i, run ? run : 1);
		i += run ? run : 1;
	}
	return sb_str(buf);
}

const char *csv_in_get(struct csv_in *in, int col)
{
	int i = in->idx[col];
	if (i < 0 || (size_t)i >= in->rec.nfields)
		return "";
	char *s = in->rec.fields[i];
	size_t n = in->rec.lengths[i], k;
	bool cp1252 = in->conv != NULL;
	while (n && (k = space_at((const unsigned char *)s, n, cp1252)) > 0) {
		s += k;
		n -= k;
	}
	while (n && (k = space_before((const unsigned char *)s, n, cp1252)) > 0)
		n -= k;
	s[n] = '\0';
	if (is_missing(s, n))
		return "";
	if (in->conv) {
		s = (char *)enc_cp1252(in->conv, s, n, &in->conv_buf[col]);
		n = strlen(s);
	}
	return text_as_typed(s, n, &in->norm_buf[col]);
}

void csv_in_free(struct csv_in *in)
{
	for (size_t i = 0; i < IMPORT_CSV_MAX_COLS; i++) {
		sb_free(&in->conv_buf[i]);
		sb_free(&in->norm_buf[i]);
	}
	if (in->keys)
		for (size_t i = 0; i < in->hdr->nfields; i++)
			free(in->keys[i]);
	free(in->keys);
	free(in->mapped);
	for (size_t i = 0; i < in->hdr_added.nfields; i++)
		free(in->hdr_added.fields[i]);
	free(in->hdr_added.fields);
	free(in->hdr_added.lengths);
	sb_free(&in->extra);
	sb_free(&in->extra_conv);
}

void csv_in_mapped(struct csv_in *in, const int *cols, size_t n)
{
	size_t w = in->hdr->nfields;
	in->mapped = xcalloc(w ? w : 1, 1);
	in->keys = xcalloc(w ? w : 1, sizeof(*in->keys));
	for (size_t i = 0; i < n; i++)
		if (cols[i] >= 0 && (size_t)cols[i] < in->ncols && in->idx[cols[i]] >= 0)
			in->mapped[in->idx[cols[i]]] = 1;
	/* A first column without a name before named ones is the row index
	 * pandas writes (to_csv without index=False): row numbers of the
	 * file's DataFrame, no fact of the event. */
	if (w > 1 && in->hdr->lengths[0] == 0 && in->base > 1)
		in->mapped[0] = 1;
	for (size_t i = 0; i < w; i++) {
		const char *k = in->hdr->fields[i];
		size_t kn = in->hdr->lengths[i];
		while (kn && (*k == ' ' || *k == '\t')) /* header names as written, trimmed */
			k++, kn--;
		while (kn && (k[kn - 1] == ' ' || k[kn - 1] == '\t' || k[kn - 1] == '\r'))
			kn--;
		if (in->conv) {
			char *raw = xstrndup(k, kn);
			in->keys[i] = xstrdup(enc_cp1252(in->conv, raw, kn, &in->extra_conv));
			free(raw);
		} else {
			in->keys[i] = xstrndup(k, kn);
		}
	}
}

void csv_in_key_names(struct csv_in *in, const char *const *names, size_t n)
{
	for (size_t i = 0; in->keys && i < in->hdr->nfields; i++)
		for (size_t k = 0; k < n; k++)
			if (import_cell_names(in->keys[i], strlen(in->keys[i]), names[k])) {
				free(in->keys[i]);
				in->keys[i] = xstrdup(names[k]);
				break;
			}
}

const char *csv_in_extra(struct csv_in *in)
{
	if (!in->mapped)
		return NULL;
	sb_reset(&in->extra);
	size_t n = in->rec.nfields < in->hdr->nfields ? in->rec.nfields : in->hdr->nfields;
	for (size_t i = 0; i < n; i++) {
		if (in->mapped[i] || in->rec.lengths[i] == 0 ||
		    is_missing(in->rec.fields[i], in->rec.lengths[i]))
			continue; /* no value: "NA" is not kept as text */
		const char *v = in->rec.fields[i];
		size_t vn = in->rec.lengths[i];
		if (in->conv) {
			sb_reset(&in->extra_conv);
			v = enc_cp1252(in->conv, v, vn, &in->extra_conv);
			vn = strlen(v);
		}
		extra_add(&in->extra, in->keys[i], strlen(in->keys[i]), v, vn);
	}
	extra_end(&in->extra);
	return in->extra.len ? sb_str(&in->extra) : NULL;
}

/* Add key: value to the current record's extra object. */
static const char *extra_put(struct csv_in *in, const char *key, const char *value)
{
	if (in->extra.len) /* reopen the object: drop its '}' */
		in->extra.buf[--in->extra.len] = '\0';
	extra_add(&in->extra, key, strlen(key), value, strlen(value));
	extra_end(&in->extra);
	return sb_str(&in->extra);
}

const char *csv_in_extra_keep(struct csv_in *in, int col, const char *value)
{
	if (!in->mapped || col < 0 || (size_t)col >= in->ncols || in->idx[col] < 0)
		return in->extra.len ? sb_str(&in->extra) : NULL;
	return extra_put(in, in->keys[in->idx[col]], value);
}

/* Exports write "15.797" whatever the user's locale says. */
static double c_strtod(const char *s, char **end)
{
	static locale_t c_locale;
	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return c_locale ? strtod_l(s, end, c_locale) : strtod(s, end);
}

/* strtod also reads hex ("0x10" as 16), "inf" and "nan": a figure in a
 * file is written in decimal digits, so anything else is not a number. */
static int decimal_only(const char *s)
{
	return s[strspn(s, "0123456789+-.eE")] == '\0';
}

int parse_count(const char *s, long long *out)
{
	if (!*s)
		return 1;
	if (!decimal_only(s))
		return -1;
	char *end;
	errno = 0;
	double d = c_strtod(s, &end);
	if (errno || *end || end == s || d < 0 || d > 1e12 || d != floor(d))
		return -1;
	*out = (long long)d;
	return 0;
}

int parse_real(const char *s, double *out)
{
	if (!*s)
		return 1;
	if (!decimal_only(s))
		return -1;
	char *end;
	errno = 0;
	double d = c_strtod(s, &end);
	if (errno || *end || end == s || !isfinite(d))
		return -1;
	*out = d;
	return 0;
}

int import_skip(struct import_ctx *ctx, unsigned long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return import_bad(ctx, line, "%s", msg) < 0 ? -1 : 1;
}

/* Header cell i as written, trimmed, into b. */
static void cell_add(struct strbuf *b, const struct csv_record *h, size_t i)
{
	const char *c = h->fields[i];
	size_t n = h->lengths[i];
	while (n && (*c == ' ' || *c == '\t'))
		c++, n--;
	while (n && (c[n - 1] == ' ' || c[n - 1] == '\t' || c[n - 1] == '\r'))
		n--;
	sb_addn(b, c, n);
}

void csv_in_note_columns(struct import_ctx *ctx, const struct csv_in *in)
{
	struct strbuf used = STRBUF_INIT, unused = STRBUF_INIT;
	for (size_t i = 0; i < in->base; i++) {
		if (in->hdr->lengths[i] == 0)
			continue;
		bool wanted = false;
		for (size_t c = 0; c < in->ncols && !wanted; c++)
			wanted = in->idx[c] == (int)i;
		struct strbuf *b = wanted ? &used : &unused;
		if (b->len)
			sb_add(b, ", ");
		cell_add(b, in->hdr, i);
	}
	fprintf(ctx->msg, "%s: read as a table of events; columns read: %s", ctx->file,
		used.len ? sb_str(&used) : "none");
	if (unused.len)
		fprintf(ctx->msg, "; no use found for %s (kept in each event's extra fields)",
			sb_str(&unused));
	fputc('\n', ctx->msg);
	sb_free(&used);
	sb_free(&unused);
}
