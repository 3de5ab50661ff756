/* text: UTF-8 decoding, display width in terminal columns, fitting text to
 * columns, and sanitising. Every string that comes from data passes through
 * text_sanitize or text_fit before it reaches a terminal: no control byte,
 * escape sequence or bidi override from a data file ever gets through. */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sitrep/strbuf.h"

#define TEXT_REPLACEMENT 0xFFFDu

/* Decode one code point from s (n bytes available, n >= 1). Invalid or
 * truncated sequences, overlongs and surrogates yield U+FFFD and consume one
 * byte. Returns the number of bytes consumed. */
size_t text_decode(const char *s, size_t n, uint32_t *cp);
/* Append the UTF-8 encoding of cp. */
void text_encode(struct strbuf *out, uint32_t cp);

/* True for code points that must never reach a terminal as they are:
 * C0 and C1 controls, DEL, bidi marks and embedding/override/isolate
 * controls, U+2028/U+2029 line breaks, surrogates and cp > U+10FFFF. */
bool text_is_unsafe(uint32_t cp);

/* Flags for text_escape. */
enum {
	TEXT_ESC_TAB = 1,    /* keep tabs */
	TEXT_ESC_LF = 2,     /* keep line feeds; CR LF and a lone CR become one */
	TEXT_ESC_UNSAFE = 4, /* for a terminal: every code point text_is_unsafe
				names, bidi controls and U+2028/U+2029 too */
};
/* Append s (n bytes) with its control characters made visible, for the
 * outputs that are not the TUI (CSV, TSV, the sitrep text format): each C0
 * control (but those flags keep), DEL, C1 control (UTF-8 or a lone byte)
 * and each byte that is not UTF-8 becomes "\xHH", and with
 * TEXT_ESC_UNSAFE a bidi control or line separator "\u202e"; the rest,
 * backslashes included, is kept as it is. Returns whether it changed s. */
bool text_escape(struct strbuf *out, const char *s, size_t n, int flags);

/* Columns one code point takes (wcwidth), 0 for combining marks, after
 * sanitising (an unsafe code point counts as its replacement: 1). Needs
 * setlocale(LC_ALL, "") with a UTF-8 locale for anything beyond ASCII;
 * characters wcwidth does not know take 1. */
int text_cp_width(uint32_t cp);
/* Columns the sanitised UTF-8 form of s takes. All functions from here on
 * take s == NULL as "" (a NULL column from SQLite). */
int text_width(const char *s);

/* Output flags. */
enum {
	TEXT_PAD = 1,   /* pad with spaces to exactly cols */
	TEXT_ASCII = 2, /* only printable ASCII out, for non-UTF-8 terminals:
			 * accents stripped ("é" -> "e", "ß" -> "ss"),
			 * quotes and dashes made ASCII ("…" -> "..."),
			 * anything else '?' */
};

/* Append the sanitised form of s: tabs and line breaks (LF, CR, CR LF, VT,
 * FF, NEL, U+2028, U+2029) become one space, other unsafe code points and
 * invalid bytes become U+FFFD (or '?' with TEXT_ASCII). TEXT_PAD is ignored. */
void text_sanitize(struct strbuf *out, const char *s, int flags);
/* Same, into a fresh allocation. */
char *text_sanitized(const char *s, int flags);

/* Append s sanitised and cut to at most cols columns, never splitting a
 * character (a wide character that would straddle the edge is left out,
 * combining marks stay with their base). When s does not fit, an ellipsis
 * ("…", or "~" with TEXT_ASCII) follows the last character kept, so that
 * with "日本語" in 4 columns it takes 3 ("日…"); TEXT_PAD then pads with
 * spaces to exactly cols. Text that fits exactly gets no ellipsis.
 * Returns the columns written, padding included; cols <= 0 writes nothing. */
int text_fit(struct strbuf *out, const char *s, int cols, int flags);

/* A folded copy for matching: lower case, Latin diacritics removed
 * ("Ségou" -> "segou", "DIDIÉNI" -> "didieni", "ß" -> "ss"), typographic
 * apostrophes made "'", other text unchanged (invalid bytes become U+FFFD).
 * Independent of the locale, so that folded keys in a file stay valid. */
char *text_fold(const char *s);

/* True when the current locale's codeset is UTF-8 (call after setlocale). */
bool text_locale_is_utf8(void);

/* "Location, Region" for a timeline cell into buf: an empty part, or one
 * the same as the other, is left out, and separators a source left at a
 * part's end ("Omondo 2,") are dropped, so no cell ends in a comma. */
void text_place(char *buf, size_t size, const char *location, const char *region);

#endif
