/* text: UTF-8 decoding, column widths, fitting and sanitising.
 *
 * Everything that reaches the terminal goes through next_unit(), which turns
 * the input into output units (the bytes to write and the columns they take)
 * so that sanitising, measuring and fitting cannot disagree. */
#include "config.h"

#include "sitrep/text.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "text_translit.h"

/* A cut is marked in the last column; "~" in ASCII mode because "." could
 * pass for the text's own full stop. */
#define TEXT_ELLIPSIS       "\xE2\x80\xA6" /* U+2026 */
#define TEXT_ELLIPSIS_ASCII "~"

size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c = p[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* C0 and C1 lead bytes could only start overlong forms. */
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		goto bad;
	}
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	/* One byte only, so that the next valid character is not swallowed. */
	*cp = TEXT_REPLACEMENT;
	return 1;
}

static size_t encode(char *buf, uint32_t cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xC0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | cp >> 12);
		buf[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | cp >> 18);
	buf[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	buf[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	buf[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void text_encode(struct strbuf *out, uint32_t cp)
{
	char buf[4];

	sb_addn(out, buf, encode(buf, cp));
}

bool text_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return true;
	/* Bidi controls reorder whatever follows on the line, columns from
	 * other fields included; line and paragraph separators break it. */
	switch (cp) {
	case 0x061C:
	case 0x200E:
	case 0x200F:
	case 0x2028:
	case 0x2029:
		return true;
	}
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_escape(struct strbuf *out, const char *s, size_t n, int flags)
{
	static const char hex[] = "0123456789abcdef";
	bool changed = false;
	size_t i = 0;
	while (i < n) {
		/* the common case: a run of printable ASCII */
		size_t j = i;
		while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
			j++;
		sb_addn(out, s + i, j - i);
		if ((i = j) >= n)
			break;
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		bool bad = cp == TEXT_REPLACEMENT && len == 1 && (unsigned char)s[i] >= 0x80;
		if (cp == '\r' && (flags & TEXT_ESC_LF)) {
			sb_addc(out, '\n'); /* CR LF, or a lone CR: one line break */
			i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			changed = true;
			continue;
		}
		bool keep =
		    (cp == '\t' && (flags & TEXT_ESC_TAB)) || (cp == '\n' && (flags & TEXT_ESC_LF));
		bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
		if (keep ||
		    (!bad && !control && !((flags & TEXT_ESC_UNSAFE) && text_is_unsafe(cp)))) {
			sb_addn(out, s + i, len);
		} else if (bad || cp < 0x100) {
			unsigned v = bad ? (unsigned char)s[i] : cp;
			char esc[4] = {'\\', 'x', hex[v >> 4], hex[v & 15]};
			sb_addn(out, esc, 4);
			changed = true;
		} else {
			sb_addf(out, "\\u%04x", (unsigned)cp);
			changed = true;
		}
		i += len;
	}
	return changed;
}

/* Characters that break a line in some text; one row shows them as a space. */
static bool is_line_space(uint32_t cp)
{
	return (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Zero-width marks that ASCII output drops rather than showing as '?':
 * "e" + U+0301 is an "e" with an accent, not "e?". */
static bool is_invisible_mark(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	/* Shown as a space or as U+FFFD, one column either way. */
	if (text_is_unsafe(cp))
		return 1;
	w = wcwidth((wchar_t)cp);
	/* -1 for a printable character means the C library does not know it
	 * (or the locale is not UTF-8); terminals give those one column. */
	return w < 0 ? 1 : w;
}

/* One piece of output: at most one input character, sanitised. */
struct unit {
	char buf[8];
	size_t len;
	int width;
};

static void unit_ascii(struct unit *u, const char *s)
{
	u->len = strlen(s);
	memcpy(u->buf, s, u->len);
	u->width = (int)u->len;
}

static void unit_to_ascii(struct unit *u, uint32_t cp)
{
	const char *t;

	if (cp < 0x80) {
		u->buf[0] = (char)cp;
		u->len = 1;
		u->width = 1;
	} else if ((t = translit_letter(cp)) || (t = translit_mark(cp))) {
		unit_ascii(u, t);
	} else if (is_invisible_mark(cp)) {
		unit_ascii(u, "");
	} else {
		unit_ascii(u, "?");
	}
}

/* Reads the next unit of s (n > 0 bytes left); returns the bytes used. */
static size_t next_unit(const char *s, size_t n, int flags, struct unit *u)
{
	uint32_t cp;
	size_t used = text_decode(s, n, &cp);

	if (is_line_space(cp)) {
		if (cp == '\r' && used < n && s[used] == '\n')
			used++;
		unit_ascii(u, " ");
		return used;
	}
	if (text_is_unsafe(cp))
		cp = TEXT_REPLACEMENT;
	if (flags & TEXT_ASCII) {
		unit_to_ascii(u, cp);
	} else {
		u->len = encode(u->buf, cp);
		u->width = text_cp_width(cp);
	}
	return used;
}

int text_width(const char *s)
{
	struct unit u;
	size_t n = s ? strlen(s) : 0, i = 0;
	int w = 0;

	while (i < n) {
		i += next_unit(s + i, n - i, 0, &u);
		w += u.width;
	}
	return w;
}

void text_sanitize(struct strbuf *out, const char *s, int flags)
{
	struct unit u;
	size_t n = s ? strlen(s) : 0, i = 0;

	while (i < n) {
		i += next_unit(s + i, n - i, flags, &u);
		sb_addn(out, u.buf, u.len);
	}
}

char *text_sanitized(const char *s, int flags)
{
	struct strbuf sb = STRBUF_INIT;

	text_sanitize(&sb, s, flags);
	return sb_detach(&sb);
}

/* True when the sanitised s takes more than cols columns. */
static bool too_wide(const char *s, size_t n, int cols, int flags)
{
	struct unit u;
	size_t i = 0;
	int w = 0;

	while (i < n && w <= cols) {
		i += next_unit(s + i, n - i, flags, &u);
		w += u.width;
	}
	return w > cols;
}

int text_fit(struct strbuf *out, const char *s, int cols, int flags)
{
	struct unit u;
	size_t n = s ? strlen(s) : 0, i = 0;
	bool cut;
	int used = 0, room;

	if (cols <= 0)
		return 0;
	cut = too_wide(s, n, cols, flags);
	room = cut ? cols - 1 : cols;
	while (i < n) {
		i += next_unit(s + i, n - i, flags, &u);
		/* Zero-width marks still fit after the last character kept. */
		if (used + u.width > room)
			break;
		sb_addn(out, u.buf, u.len);
		used += u.width;
	}
	if (cut) {
		sb_add(out, (flags & TEXT_ASCII) ? TEXT_ELLIPSIS_ASCII : TEXT_ELLIPSIS);
		used++;
	}
	for (; (flags & TEXT_PAD) && used < cols; used++)
		sb_addc(out, ' ');
	return used;
}

static bool is_apostrophe(uint32_t cp)
{
	return cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x02BB;
}

/* Not tolower(): folding must not depend on the locale. */
static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static void add_lower(struct strbuf *out, const char *s)
{
	for (; *s; s++)
		sb_addc(out, ascii_lower(*s));
}

char *text_fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = s ? strlen(s) : 0, i = 0, used;
	const char *t;
	uint32_t cp;

	while (i < n) {
		used = text_decode(s + i, n - i, &cp);
		if (cp < 0x80)
			sb_addc(&sb, ascii_lower((char)cp));
		else if ((t = translit_letter(cp)))
			add_lower(&sb, t);
		else if (is_apostrophe(cp))
			sb_addc(&sb, '\'');
		/* Decomposed accents ("e" + U+0301) go the way of composed ones. */
		else if (!(cp >= 0x0300 && cp <= 0x036F))
			text_encode(&sb, cp);
		i += used;
	}
	return sb_detach(&sb);
}

bool text_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* The length of s without trailing spaces, commas and semicolons. */
static size_t place_len(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	while (n && strchr(" \t,;", s[n - 1]))
		n--;
	return n;
}

void text_place(char *buf, size_t size, const char *location, const char *region)
{
	size_t nl = place_len(location), nr = place_len(region);
	bool same = nl && nl == nr && strncmp(location, region, nl) == 0;

	if (nl && nr && !same)
		snprintf(buf, size, "%.*s, %.*s", (int)nl, location, (int)nr, region);
	else if (nl)
		snprintf(buf, size, "%.*s", (int)nl, location);
	else
		snprintf(buf, size, "%.*s", (int)nr, nr ? region : "");
}
