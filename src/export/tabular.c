/* tabular: tables for people, exact CSV/TSV/JSON for programs (tabular.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "sitrep/tabular.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"

int out_format_parse(const char *s, enum out_format *f)
{
	static const char *const names[] = {"table", "csv", "tsv", "json"};
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum out_format)i;
			return 0;
		}
	return -1;
}

int out_terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

enum out_controls out_controls_for(FILE *f, bool raw)
{
	if (raw)
		return OUT_CONTROLS_RAW;
	return isatty(fileno(f)) ? OUT_CONTROLS_TERMINAL : OUT_CONTROLS_FILE;
}

/* s with its controls made visible unless raw; keep: TEXT_ESC_ flags. */
static const char *escaped(const char *s, enum out_controls controls, int keep, struct strbuf *buf)
{
	if (controls == OUT_CONTROLS_RAW)
		return s;
	/* printable ASCII only (most fields): nothing to escape, no copy */
	const unsigned char *p = (const unsigned char *)s;
	while (*p >= 0x20 && *p < 0x7F)
		p++;
	if (!*p)
		return s;
	int flags = keep | (controls == OUT_CONTROLS_TERMINAL ? TEXT_ESC_UNSAFE : 0);
	return text_escape(buf, s, strlen(s), flags) ? sb_str(buf) : s;
}

void out_csv_field(FILE *f, const char *s, char delim, enum out_controls controls)
{
	if (!s)
		return;
	struct strbuf buf = STRBUF_INIT;
	s = escaped(s, controls, TEXT_ESC_TAB | TEXT_ESC_LF, &buf);
	if (!strpbrk(s, "\"\r\n") && !strchr(s, delim)) {
		fputs(s, f);
	} else {
		fputc('"', f);
		/* each run up to and with a quote, then the quote doubled */
		const char *q;
		while ((q = strchr(s, '"'))) {
			fwrite(s, 1, (size_t)(q - s) + 1, f);
			fputc('"', f);
			s = q + 1;
		}
		fputs(s, f);
		fputc('"', f);
	}
	sb_free(&buf);
}

void out_tsv_field(FILE *f, const char *s, enum out_controls controls)
{
	if (!s)
		return;
	struct strbuf buf = STRBUF_INIT;
	/* tabs and line breaks have TSV's own escapes */
	s = escaped(s, controls, TEXT_ESC_TAB | TEXT_ESC_LF, &buf);
	for (; *s; s++) {
		/* the run before the next byte TSV escapes, in one write */
		size_t run = strcspn(s, "\\\t\n\r");
		fwrite(s, 1, run, f);
		if (!*(s += run))
			break;
		switch (*s) {
		case '\\':
			fputs("\\\\", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			fputc(*s, f);
		}
	}
	sb_free(&buf);
}

/* Code points JSON may carry as they are but a terminal must not get:
 * DEL, C1 controls, bidi controls, line separators. */
static bool json_escape_cp(uint32_t cp)
{
	return cp >= 0x7F && text_is_unsafe(cp);
}

void out_json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		/* a run of printable ASCII JSON keeps as it is, in one write */
		size_t j = i;
		while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F &&
		       s[j] != '"' && s[j] != '\\')
			j++;
		fwrite(s + i, 1, j - i, f);
		if ((i = j) >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (c < 0x20) {
				fprintf(f, "\\u%04x", c);
			} else if (c >= 0x7F) {
				uint32_t cp;
				size_t len = text_decode(s + i, n - i, &cp);
				if (json_escape_cp(cp))
					fprintf(f, "\\u%04x", (unsigned)cp);
				else if (cp == TEXT_REPLACEMENT && len == 1)
					fputs("\xEF\xBF\xBD", f); /* not UTF-8 */
				else
					fwrite(s + i, 1, len, f);
				i += len;
				continue;
			} else {
				fputc(c, f);
			}
		}
		i++;
	}
	fputc('"', f);
}

/* Give each column its minimum, drop optional ones while they do not fit,
 * then share what is left by weight. */
static void layout(struct out *o, int total)
{
	int used, n = o->ncols;
	for (int i = 0; i < n; i++)
		o->width[i] = o->cols[i].min;
	for (;;) {
		used = 0;
		int shown = 0;
		for (int i = 0; i < n; i++)
			if (o->width[i]) {
				used += o->width[i];
				shown++;
			}
		used += shown > 0 ? shown - 1 : 0;
		if (used <= total)
			break;
		int drop = -1;
		for (int i = n - 1; i >= 0; i--)
			if (o->width[i] && o->cols[i].optional) {
				drop = i;
				break;
			}
		if (drop < 0)
			break;
		o->width[drop] = 0;
	}
	int spare = total - used, weights = 0;
	for (int i = 0; i < n; i++)
		if (o->width[i])
			weights += o->cols[i].weight;
	if (spare <= 0 || weights == 0)
		return;
	int given = 0, last = -1;
	for (int i = 0; i < n; i++) {
		if (!o->width[i] || !o->cols[i].weight)
			continue;
		int extra = spare * o->cols[i].weight / weights;
		o->width[i] += extra;
		given += extra;
		last = i;
	}
	if (last >= 0)
		o->width[last] += spare - given;
}

static void table_cell(struct out *o, struct strbuf *line, int i, const char *v)
{
	int w = o->width[i];
	if (o->cols[i].numeric) {
		int vw = v ? text_width(v) : 0;
		for (int k = vw; k < w; k++)
			sb_addc(line, ' ');
		if (v)
			text_fit(line, v, w, o->text_flags);
	} else {
		text_fit(line, v ? v : "", w, o->text_flags | TEXT_PAD);
	}
}

static void table_line(struct out *o, const char *const *values)
{
	struct strbuf line = STRBUF_INIT;
	bool first = true;
	for (int i = 0; i < o->ncols; i++) {
		if (!o->width[i])
			continue;
		if (!first)
			sb_addc(&line, ' ');
		first = false;
		table_cell(o, &line, i, values[i]);
	}
	/* No trailing blanks: friendlier to diff and to narrow pipes. */
	while (line.len && line.buf[line.len - 1] == ' ')
		line.buf[--line.len] = '\0';
	fprintf(o->f, "%s\n", sb_str(&line));
	sb_free(&line);
}

void out_begin(struct out *o, FILE *f, enum out_format fmt, const struct out_col *cols, int ncols,
	       int term_width)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols < 32 ? ncols : 32;
	o->text_flags = text_locale_is_utf8() ? 0 : TEXT_ASCII;
	o->controls = out_controls_for(f, false);
	const char *names[32];
	for (int i = 0; i < o->ncols; i++)
		names[i] = cols[i].name;
	switch (fmt) {
	case OUT_TABLE:
		layout(o, term_width);
		{
			char upper[32][32];
			for (int i = 0; i < o->ncols; i++) {
				snprintf(upper[i], sizeof(upper[i]), "%s", names[i]);
				for (char *p = upper[i]; *p; p++)
					*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
				names[i] = upper[i];
			}
			table_line(o, names);
		}
		break;
	case OUT_CSV:
	case OUT_TSV:
		for (int i = 0; i < o->ncols; i++) {
			if (i)
				fputc(fmt == OUT_CSV ? ',' : '\t', f);
			fputs(names[i], f);
		}
		fputc('\n', f);
		break;
	case OUT_JSON:
		fputs("[", f);
		break;
	}
}

void out_row(struct out *o, const char *const *values)
{
	switch (o->fmt) {
	case OUT_TABLE:
		table_line(o, values);
		break;
	case OUT_CSV:
	case OUT_TSV:
		for (int i = 0; i < o->ncols; i++) {
			if (i)
				fputc(o->fmt == OUT_CSV ? ',' : '\t', o->f);
			if (o->fmt == OUT_CSV)
				out_csv_field(o->f, values[i], ',', o->controls);
			else
				out_tsv_field(o->f, values[i], o->controls);
		}
		fputc('\n', o->f);
		break;
	case OUT_JSON:
		fputs(o->rows ? ",\n{" : "\n{", o->f);
		for (int i = 0; i < o->ncols; i++) {
			if (i)
				fputs(", ", o->f);
			out_json_string(o->f, o->cols[i].name);
			fputs(": ", o->f);
			if (o->cols[i].numeric && values[i])
				fputs(values[i], o->f);
			else
				out_json_string(o->f, values[i]);
		}
		fputc('}', o->f);
		break;
	}
	o->rows++;
}

void out_end(struct out *o)
{
	if (o->fmt == OUT_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->f);
	fflush(o->f);
}
