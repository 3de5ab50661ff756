/* strbuf: a growable NUL-terminated byte string, the one way this code
 * builds text of unknown length (SQL, output lines, sanitised strings). */
#ifndef SITREP_STRBUF_H
#define SITREP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb); /* len = 0, keeps the allocation */
void sb_grow(struct strbuf *sb, size_t extra);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_add(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* The string ("" if empty); valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/* Hand the allocation to the caller and reset sb. Never NULL. */
char *sb_detach(struct strbuf *sb);

#endif
