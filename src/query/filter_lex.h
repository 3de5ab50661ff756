/* filter_lex: the filter language's tokens, internal to the filter module.
 * Words, "quoted strings" (with \" and \\ escapes), ( ) | and a leading
 * '-'; each token knows whether whitespace came before it ("glued"). */
#ifndef SITREP_FILTER_LEX_H
#define SITREP_FILTER_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/filter.h"

enum filter_tok_type { FT_WORD, FT_STRING, FT_LPAREN, FT_RPAREN, FT_PIPE, FT_MINUS, FT_END };

struct filter_tok {
	enum filter_tok_type type;
	char *text;        /* WORD, STRING: the text (unescaped); else NULL */
	size_t start, end; /* byte offsets in the source */
	int column;        /* 1-based, in characters */
	bool glued;        /* no whitespace between this and the previous token */
};

/* Tokens of text, ending with FT_END. 0, or -1 with err set. */
int filter_lex(const char *text, struct filter_tok **toks, size_t *n, struct filter_error *err);
void filter_toks_free(struct filter_tok *toks, size_t n);
/* The 1-based character column of byte offset off. */
int filter_column(const char *text, size_t off);
/* Set err (printf-style message) at column. Returns -1. */
int filter_fail(struct filter_error *err, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
