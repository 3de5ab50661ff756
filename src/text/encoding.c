/* encoding: UTF-8 validity and Windows-1252 conversion (see encoding.h). */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/encoding.h"
#include "sitrep/util.h"

/* Bytes of a sequence from its lead byte, 0 for a byte no sequence starts
 * with. Second-byte limits (overlongs, surrogates, > U+10FFFF) are checked
 * apart, as in the Unicode standard's table 3-7. */
static int seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	return c < 0xF5 ? 4 : 0;
}

static bool second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0:
		return b >= 0xA0 && b <= 0xBF;
	case 0xED:
		return b >= 0x80 && b <= 0x9F;
	case 0xF0:
		return b >= 0x90 && b <= 0xBF;
	case 0xF4:
		return b >= 0x80 && b <= 0x8F;
	default:
		return b >= 0x80 && b <= 0xBF;
	}
}

size_t enc_utf8_valid_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	while (p < e) {
		/* Text is mostly ASCII: skip it eight bytes at a time. */
		while (e - p >= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			if (w & 0x8080808080808080ull)
				break;
			p += 8;
		}
		if (p == e)
			break;
		int len = seq_len(*p);
		if (len == 1) {
			p++;
			continue;
		}
		if (len == 0)
			break;
		if (e - p < len) /* cut by the block's end: maybe valid */
			break;
		if (!second_ok(p[0], p[1]))
			break;
		int i = 2;
		while (i < len && (p[i] & 0xC0) == 0x80)
			i++;
		if (i < len)
			break;
		p += len;
	}
	return (size_t)(p - (const unsigned char *)s);
}

bool enc_utf8_valid(const char *s, size_t n)
{
	return enc_utf8_valid_len(s, n) == n;
}

struct enc_conv {
	iconv_t cd;
};

struct enc_conv *enc_cp1252_open(char **err)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1) {
		*err = xasprintf("iconv cannot convert Windows-1252: %s", strerror(errno));
		return NULL;
	}
	struct enc_conv *c = xmalloc(sizeof(*c));
	c->cd = cd;
	return c;
}

static bool ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

const char *enc_cp1252(struct enc_conv *c, const char *s, size_t n, struct strbuf *out)
{
	if (ascii(s, n))
		return s;
	sb_reset(out);
	/* Every Windows-1252 byte is at most 3 bytes of UTF-8. */
	sb_grow(out, n * 3);
	char *in = (char *)s, *o = out->buf;
	size_t inleft = n, outleft = n * 3;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		if (iconv(c->cd, &in, &inleft, &o, &outleft) != (size_t)-1)
			break;
		if (errno != EILSEQ && errno != EINVAL)
			break;
		/* 0x81 0x8D 0x8F 0x90 0x9D have no character. */
		memcpy(o, "\xEF\xBF\xBD", 3);
		o += 3;
		outleft -= 3;
		in++;
		inleft--;
	}
	out->len = (size_t)(o - out->buf);
	out->buf[out->len] = '\0';
	return out->buf;
}

void enc_close(struct enc_conv *c)
{
	if (!c)
		return;
	iconv_close(c->cd);
	free(c);
}
