/* extra_json: the flat JSON object of source columns sitrep has no column for
 * (see extra_json.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/extra_json.h"
#include "sitrep/util.h"

static void add_string(struct strbuf *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	sb_grow(sb, n + 2);
	sb_addc(sb, '"');
	size_t run = 0; /* bytes copied as they are, added in one go */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
			run++;
			continue;
		}
		sb_addn(sb, s + i - run, run);
		run = 0;
		char esc[7] = {'\\', 0};
		switch (c) {
		case '"':
			esc[1] = '"';
			break;
		case '\\':
			esc[1] = '\\';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
		}
		sb_add(sb, esc);
	}
	sb_addn(sb, s + n - run, run);
	sb_addc(sb, '"');
}

void extra_add(struct strbuf *sb, const char *key, size_t klen, const char *val, size_t vlen)
{
	sb_addc(sb, sb->len ? ',' : '{');
	add_string(sb, key, klen);
	sb_addc(sb, ':');
	add_string(sb, val, vlen);
}

void extra_end(struct strbuf *sb)
{
	if (sb->len)
		sb_addc(sb, '}');
}

/* ---- reading: a small parser for exactly this shape. */

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void add_utf8(struct strbuf *sb, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	sb_addn(sb, b, n);
}

/* A JSON string at p (at its opening quote) into a fresh string; the end
 * after the closing quote in *end. NULL when malformed or it holds \u0000. */
static char *string(const char *p, const char **end)
{
	if (*p++ != '"')
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_addn(&sb, "", 0);
	for (;;) {
		const char *q = p;
		while (*q && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
			q++;
		sb_addn(&sb, p, (size_t)(q - p));
		p = q;
		if (*p == '"')
			break;
		if (*p != '\\')
			goto bad;
		p++;
		unsigned cp, lo;
		switch (*p) {
		case '"':
		case '\\':
		case '/':
			sb_addc(&sb, *p);
			break;
		case 'b':
			sb_addc(&sb, '\b');
			break;
		case 'f':
			sb_addc(&sb, '\f');
			break;
		case 'n':
			sb_addc(&sb, '\n');
			break;
		case 'r':
			sb_addc(&sb, '\r');
			break;
		case 't':
			sb_addc(&sb, '\t');
			break;
		case 'u':
			if (hex4(p + 1, &cp) < 0 || cp == 0)
				goto bad;
			p += 4;
			if (cp >= 0xd800 && cp < 0xdc00) {
				if (p[1] != '\\' || p[2] != 'u' || hex4(p + 3, &lo) < 0 ||
				    lo < 0xdc00 || lo >= 0xe000)
					goto bad;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			} else if (cp >= 0xdc00 && cp < 0xe000) {
				goto bad;
			}
			add_utf8(&sb, cp);
			break;
		default:
			goto bad;
		}
		p++;
	}
	*end = p + 1;
	return sb_detach(&sb);
bad:
	sb_free(&sb);
	return NULL;
}

void extra_free(struct extra_field *f, int n)
{
	for (int i = 0; i < n; i++) {
		free(f[i].key);
		free(f[i].value);
	}
	free(f);
}

int extra_parse(const char *json, struct extra_field **out)
{
	*out = NULL;
	const char *p = ws(json);
	if (*p++ != '{')
		return -1;
	struct extra_field *f = NULL;
	int n = 0;
	p = ws(p);
	if (*p == '}')
		goto done;
	for (;;) {
		if ((n & (n - 1)) == 0) /* doubling: 10,000 columns copied log n times */
			f = xrealloc(f, (size_t)(n ? 2 * n : 1) * sizeof(*f));
		f[n].value = NULL;
		if (!(f[n].key = string(ws(p), &p)))
			goto bad;
		n++;
		p = ws(p);
		if (*p++ != ':' || !(f[n - 1].value = string(ws(p), &p)))
			goto bad;
		p = ws(p);
		if (*p == '}')
			break;
		if (*p++ != ',')
			goto bad;
	}
done:
	if (*ws(p + 1) != '\0')
		goto bad;
	*out = f;
	return n;
bad:
	extra_free(f, n);
	return -1;
}

char *extra_get(const char *json, const char *key)
{
	struct extra_field *f;
	if (!json)
		return NULL;
	int n = extra_parse(json, &f);
	char *v = NULL;
	for (int i = 0; i < n && !v; i++)
		if (strcasecmp(f[i].key, key) == 0) {
			v = f[i].value;
			f[i].value = NULL;
		}
	if (n >= 0)
		extra_free(f, n);
	return v;
}
