/* filter_lex: splitting filter text into tokens. The lexer knows nothing of
 * fields: `actor:JNIM` is one word; the parser looks inside it. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_lex.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

int filter_column(const char *text, size_t off)
{
	int col = 1;

	/* Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx. */
	for (size_t i = 0; i < off && text[i]; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

int filter_fail(struct filter_error *err, int column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return -1;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool ends_word(char c)
{
	return c == '\0' || is_space(c) || c == '(' || c == ')' || c == '"' || c == '|';
}

static void push(struct filter_tok **toks, size_t *n, size_t *cap, struct filter_tok t)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*toks = xrealloc(*toks, *cap * sizeof **toks);
	}
	(*toks)[(*n)++] = t;
}

/* A quoted string starting at text[i] == '"'; *i moves past the closing quote. */
static int lex_string(const char *text, size_t *i, char **out, struct filter_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t open = *i, j = *i + 1;

	for (;;) {
		char c = text[j];

		if (c == '\0') {
			sb_free(&sb);
			return filter_fail(err, filter_column(text, open), "unterminated quote");
		}
		if (c == '"')
			break;
		if (c == '\\' && (text[j + 1] == '"' || text[j + 1] == '\\'))
			c = text[++j];
		sb_addc(&sb, c);
		j++;
	}
	*i = j + 1;
	*out = sb_detach(&sb);
	return 0;
}

/* The column of byte offset i, counted on from an earlier offset *at whose
 * column is *col: the lexer walks the text once, so that a long filter costs
 * time in proportion to its length, not to its square. */
static int column_from(const char *text, size_t i, size_t *at, int *col)
{
	for (; *at < i; (*at)++)
		if (((unsigned char)text[*at] & 0xC0) != 0x80)
			(*col)++;
	return *col;
}

int filter_lex(const char *text, struct filter_tok **toks, size_t *n, struct filter_error *err)
{
	size_t cap = 0, i = 0, col_at = 0;
	int col = 1;
	bool glued = false;

	*toks = NULL;
	*n = 0;
	for (;;) {
		struct filter_tok t = {0};

		while (is_space(text[i])) {
			i++;
			glued = false;
		}
		t.start = i;
		t.column = column_from(text, i, &col_at, &col);
		t.glued = glued && *n > 0;
		char c = text[i];
		if (c == '\0') {
			t.type = FT_END;
			t.end = i;
			push(toks, n, &cap, t);
			return 0;
		}
		if (c == '(' || c == ')' || c == '|') {
			t.type = c == '(' ? FT_LPAREN : c == ')' ? FT_RPAREN : FT_PIPE;
			i++;
		} else if (c == '-' && (!t.glued || (*toks)[*n - 1].type != FT_PIPE) &&
			   !is_space(text[i + 1]) && text[i + 1] != '\0') {
			/* A leading '-' negates the term that follows ("-actor:Wagner"),
			 * also right after ')' or a string: "(a)-b" means what "(a) -b"
			 * does, so a chip's meaning never hangs on a space. After '|'
			 * it starts a value ("x|-y"). */
			t.type = FT_MINUS;
			i++;
		} else if (c == '"') {
			t.type = FT_STRING;
			if (lex_string(text, &i, &t.text, err) < 0) {
				filter_toks_free(*toks, *n);
				*toks = NULL;
				*n = 0;
				return -1;
			}
		} else {
			size_t j = i;

			while (!ends_word(text[j]))
				j++;
			t.type = FT_WORD;
			t.text = xstrndup(text + i, j - i);
			i = j;
		}
		t.end = i;
		push(toks, n, &cap, t);
		glued = true;
	}
}

void filter_toks_free(struct filter_tok *toks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(toks[i].text);
	free(toks);
}
