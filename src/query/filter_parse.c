/* filter_parse: the grammar of the filter language, by recursive descent.
 *
 *   filter := or
 *   or     := and { "or" and }
 *   and    := unary { ["and"] unary }
 *   unary  := ("not" | "-") unary | "(" or ")" | term
 *   term   := FIELD OP value { "|" value } | word["*"] { "|" word } | "phrase"["*"]
 *
 * Pure: no SQLite, no globals. Every error carries the column it found. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter_lex.h"
#include "filter_value.h"
#include "sitrep/util.h"

#define MAX_DEPTH 64
/* Longer filters are refused: no one types 64 KiB of filter, and each term
 * may cost a look-up in the database, so a megabyte of terms would keep the
 * caller busy for half a minute. */
#define MAX_LENGTH 65536
/* Each word and each value becomes a condition of its own in the SQL (an
 * FTS5 look-up for a word in an OR): 1,000 of them take a second and 100 MB
 * in SQLite, so a filter holds at most this many. */
#define MAX_TERMS 256

struct parser {
	const char *src;
	struct filter_tok *t;
	size_t n, pos;
	int depth;
	struct filter_error *err;
};

static struct filter_node *parse_or(struct parser *p);

static const struct filter_tok *cur(const struct parser *p)
{
	return &p->t[p->pos];
}

static const struct filter_tok *prev(const struct parser *p)
{
	return &p->t[p->pos ? p->pos - 1 : 0];
}

static bool is_keyword(const struct filter_tok *t, const char *kw)
{
	return t->type == FT_WORD && strcasecmp(t->text, kw) == 0;
}

/* True at a token that cannot start a term: the end of an "and" list. */
static bool at_stop(const struct parser *p)
{
	const struct filter_tok *t = cur(p);

	return t->type == FT_END || t->type == FT_RPAREN || is_keyword(t, "or");
}

static struct filter_node *node_new(enum filter_node_type type, const struct filter_tok *at)
{
	struct filter_node *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->column = at->column;
	n->start = at->start;
	n->end = at->end;
	return n;
}

static void node_add(struct filter_node *n, struct filter_node *kid)
{
	n->kids = xrealloc(n->kids, (n->nkids + 1) * sizeof *n->kids);
	n->kids[n->nkids++] = kid;
	n->end = kid->end;
}

static struct filter_node *fail(struct parser *p, struct filter_node *n, int column,
				const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Free what was built so far and report; returns NULL for the caller. */
static struct filter_node *fail(struct parser *p, struct filter_node *n, int column,
				const char *fmt, ...)
{
	va_list ap;

	filter_free(n);
	if (p->err) {
		p->err->column = column;
		va_start(ap, fmt);
		vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
		va_end(ap);
	}
	return NULL;
}

/* Length of a field name at the start of s ([A-Za-z][A-Za-z0-9_]*) followed by
 * an operator; *op and *oplen describe the operator. 0 when s is no field. */
static size_t field_prefix(const char *s, enum filter_op *op, size_t *oplen)
{
	static const struct {
		const char *text;
		enum filter_op op;
	} ops[] = {
	    {":=", FILTER_OP_EXACT}, {":", FILTER_OP_IS}, {">=", FILTER_OP_GE},
	    {"<=", FILTER_OP_LE},    {">", FILTER_OP_GT}, {"<", FILTER_OP_LT},
	    {"=", FILTER_OP_EQ},
	};
	size_t len = 0;

	while ((s[len] >= 'a' && s[len] <= 'z') || (s[len] >= 'A' && s[len] <= 'Z') ||
	       (len > 0 && (s[len] == '_' || (s[len] >= '0' && s[len] <= '9'))))
		len++;
	if (len == 0)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		size_t ol = strlen(ops[i].text);

		if (strncmp(s + len, ops[i].text, ol) == 0) {
			*op = ops[i].op;
			*oplen = ol;
			return len;
		}
	}
	return 0;
}

static void value_add(struct filter_node *n, struct strbuf *text, int column)
{
	n->values = xrealloc(n->values, (n->nvalues + 1) * sizeof *n->values);
	memset(&n->values[n->nvalues], 0, sizeof *n->values);
	n->values[n->nvalues].text = sb_detach(text);
	n->values[n->nvalues].column = column;
	n->nvalues++;
}

/* The alternatives after "field:": glued words and strings, split at '|'. */
static int collect_values(struct parser *p, struct filter_node *n, const char *first, int col)
{
	struct strbuf sb = STRBUF_INIT;
	int pipe_col = 0;

	sb_add(&sb, first);
	sb_addc(&sb, '\0'), sb.len--; /* allocated even when empty */
	for (;;) {
		const struct filter_tok *t = cur(p);

		if (!t->glued || (t->type != FT_WORD && t->type != FT_STRING && t->type != FT_PIPE))
			break;
		p->pos++;
		n->end = t->end;
		if (t->type == FT_PIPE) {
			if (sb.len == 0) {
				sb_free(&sb);
				return filter_fail(p->err, pipe_col ? pipe_col : t->column,
						   "empty alternative before '|'");
			}
			value_add(n, &sb, col);
			pipe_col = t->column;
			col = t->column + 1;
			continue;
		}
		if (sb.len == 0)
			col = t->column;
		sb_add(&sb, t->text);
	}
	if (sb.len == 0) {
		sb_free(&sb);
		if (pipe_col)
			return filter_fail(p->err, pipe_col, "empty alternative after '|'");
		return filter_fail(p->err, n->column, "missing value after '%.*s'",
				   (int)(col - n->column), p->src + n->start);
	}
	value_add(n, &sb, col);
	return 0;
}

static struct filter_node *parse_field(struct parser *p, const struct filter_tok *t, size_t namelen,
				       enum filter_op op, size_t oplen)
{
	int f = filter_field_lookup(t->text, namelen);
	struct filter_node *n;

	if (f < 0) {
		const char *hint = filter_suggest_field(t->text, namelen);

		if (hint)
			filter_fail(p->err, t->column, "unknown field '%.*s' (did you mean '%s'?)",
				    (int)namelen, t->text, hint);
		else
			filter_fail(p->err, t->column,
				    "unknown field '%.*s' (fields: actor type kind region "
				    "location country source id origin since until date "
				    "fatalities near layer starred tag note actor1 actor2 "
				    "assoc civilians interaction inter1 inter2 disorder tags "
				    "admin3 geo_precision precision)",
				    (int)namelen, t->text);
		return NULL;
	}
	p->pos++;
	n = node_new(FILTER_FIELD, t);
	n->field = (enum filter_field)f;
	n->op = op;
	/* Column of the value: the name and operator are ASCII, one column each. */
	if (collect_values(p, n, t->text + namelen + oplen, t->column + (int)(namelen + oplen)) < 0)
		goto error;
	for (size_t i = 0; i < n->nvalues; i++)
		if (filter_value_parse(n->field, op, &n->values[i], p->err) < 0)
			goto error;
	return n;
error:
	filter_free(n);
	return NULL;
}

/* One free-text word or phrase. */
static struct filter_node *parse_text(struct parser *p)
{
	const struct filter_tok *t = cur(p);
	struct filter_node *n = node_new(FILTER_TEXT, t);
	size_t len = strlen(t->text);

	p->pos++;
	if (t->type == FT_STRING) {
		n->phrase = true;
		if (strspn(t->text, " \t\r\n") == len)
			return fail(p, n, t->column, "empty phrase");
		if (cur(p)->glued && cur(p)->type == FT_WORD && strcmp(cur(p)->text, "*") == 0) {
			n->prefix = true;
			n->end = cur(p)->end;
			p->pos++;
		}
		n->text = xstrdup(t->text);
		return n;
	}
	while (len > 0 && t->text[len - 1] == '*') {
		n->prefix = true;
		len--;
	}
	if (len == 0)
		return fail(p, n, t->column, "'*' needs a word before it");
	n->text = xstrndup(t->text, len);
	return n;
}

/* Free text with alternatives: bomb|ied. */
static struct filter_node *parse_texts(struct parser *p)
{
	struct filter_node *first = parse_text(p), * or = NULL;

	while (first && cur(p)->type == FT_PIPE && cur(p)->glued) {
		const struct filter_tok *pipe = cur(p);
		struct filter_node *next;

		p->pos++;
		if (!cur(p)->glued || (cur(p)->type != FT_WORD && cur(p)->type != FT_STRING))
			return fail(p, or ? or : first, pipe->column,
				    "empty alternative after '|'");
		next = parse_text(p);
		if (!next) {
			filter_free(or ? or : first);
			return NULL;
		}
		if (! or) {
			or = node_new(FILTER_OR, prev(p));
			or->column = first->column;
			or->start = first->start;
			node_add(or, first);
		}
		node_add(or, next);
	}
	return or ? or : first;
}

static struct filter_node *parse_term(struct parser *p)
{
	const struct filter_tok *t = cur(p);
	enum filter_op op;
	size_t oplen, namelen;

	if (t->type == FT_WORD && (namelen = field_prefix(t->text, &op, &oplen)) > 0)
		return parse_field(p, t, namelen, op, oplen);
	/* "starred" alone is the field, as it reads: the events with a star;
	 * among alternatives (starred|x) it is a word. A string glued to it
	 * (starred"x") is a term of its own, as it is once the chips are
	 * joined again with spaces. */
	const struct filter_tok *next = p->pos + 1 < p->n ? &p->t[p->pos + 1] : NULL;
	bool alone = !next || !next->glued || next->type != FT_PIPE;
	if (t->type == FT_WORD && strcasecmp(t->text, "starred") == 0 && alone) {
		struct filter_node *n = node_new(FILTER_FIELD, t);
		n->field = FILTER_STARRED;
		n->op = FILTER_OP_IS;
		struct strbuf sb = STRBUF_INIT;
		sb_add(&sb, "yes");
		value_add(n, &sb, t->column);
		p->pos++;
		return n;
	}
	return parse_texts(p);
}

static struct filter_node *parse_group(struct parser *p)
{
	const struct filter_tok *open = cur(p);
	struct filter_node *n;

	p->pos++;
	if (cur(p)->type == FT_END)
		return fail(p, NULL, open->column, "unclosed '('");
	if (cur(p)->type == FT_RPAREN)
		return fail(p, NULL, open->column, "empty parentheses");
	n = parse_or(p);
	if (!n)
		return NULL;
	if (cur(p)->type != FT_RPAREN)
		return fail(p, n, open->column, "unclosed '('");
	/* The group as written, parentheses included, for the TUI's chips. */
	n->start = open->start;
	n->column = open->column;
	n->end = cur(p)->end;
	n->grouped = true;
	p->pos++;
	return n;
}

static struct filter_node *parse_unary(struct parser *p)
{
	const struct filter_tok *t = cur(p);
	struct filter_node *n, *kid;

	if (++p->depth > MAX_DEPTH) {
		filter_fail(p->err, t->column, "filter nested too deeply");
		return NULL;
	}
	if (t->type == FT_MINUS || is_keyword(t, "not")) {
		p->pos++;
		if (at_stop(p) || is_keyword(cur(p), "and"))
			return fail(p, NULL, t->column, "'%s' needs a term after it",
				    t->type == FT_MINUS ? "-" : t->text);
		kid = parse_unary(p);
		if (!kid)
			return NULL;
		n = node_new(FILTER_NOT, t);
		node_add(n, kid);
	} else if (t->type == FT_LPAREN) {
		n = parse_group(p);
	} else if (t->type == FT_PIPE) {
		return fail(p, NULL, t->column, "unexpected '|'");
	} else if (t->type == FT_RPAREN) {
		return fail(p, NULL, t->column, "unmatched ')'");
	} else if (t->type == FT_END) {
		return fail(p, NULL, t->column, "a term is missing at the end");
	} else {
		n = parse_term(p);
	}
	p->depth--;
	return n;
}

static struct filter_node *parse_and(struct parser *p)
{
	struct filter_node *first = NULL, *and = NULL, *kid;

	for (;;) {
		const struct filter_tok *t = cur(p);

		if (is_keyword(t, "and")) {
			p->pos++;
			if (!first || at_stop(p) || is_keyword(cur(p), "and"))
				return fail(p, and? and : first, t->column,
					    "'%s' needs a term on each side", t->text);
			continue;
		}
		kid = parse_unary(p);
		if (!kid) {
			filter_free(and? and : first);
			return NULL;
		}
		if (!first) {
			first = kid;
		} else {
			if (!and) {
				and = node_new(FILTER_AND, t);
				and->column = first->column;
				and->start = first->start;
				node_add(and, first);
			}
			node_add(and, kid);
		}
		if (at_stop(p))
			return and? and : first;
	}
}

static struct filter_node *parse_or(struct parser *p)
{
	struct filter_node *first, * or = NULL, *kid;

	if (is_keyword(cur(p), "or"))
		return fail(p, NULL, cur(p)->column, "'%s' needs a term before it", cur(p)->text);
	first = parse_and(p);
	if (!first)
		return NULL;
	while (is_keyword(cur(p), "or")) {
		const struct filter_tok *t = cur(p);

		p->pos++;
		if (at_stop(p) || is_keyword(cur(p), "and"))
			return fail(p, or ? or : first, t->column, "'%s' needs a term after it",
				    t->text);
		kid = parse_and(p);
		if (!kid) {
			filter_free(or ? or : first);
			return NULL;
		}
		if (! or) {
			or = node_new(FILTER_OR, t);
			or->column = first->column;
			or->start = first->start;
			node_add(or, first);
		}
		node_add(or, kid);
	}
	return or ? or : first;
}

/* The words and values of tree n (its depth is at most MAX_DEPTH). */
static size_t count_terms(const struct filter_node *n)
{
	size_t k = 0;

	if (n->type == FILTER_TEXT)
		return 1;
	if (n->type == FILTER_FIELD)
		return n->nvalues;
	for (size_t i = 0; i < n->nkids; i++)
		k += count_terms(n->kids[i]);
	return k;
}

struct filter_counters filter_counters;

int filter_parse(const char *text, struct filter_node **out, struct filter_error *err)
{
	struct parser p = {.src = text, .err = err};
	struct filter_node *n = NULL;

	filter_counters.parses++;
	*out = NULL;
	if (err) {
		err->column = 0;
		err->message[0] = '\0';
	}
	size_t len = strlen(text);
	if (len > MAX_LENGTH)
		return filter_fail(err, 1, "filter too long (%zu bytes, at most %d)", len,
				   MAX_LENGTH);
	if (filter_lex(text, &p.t, &p.n, err) < 0)
		return -1;
	if (cur(&p)->type != FT_END) {
		n = parse_or(&p);
		if (n && cur(&p)->type != FT_END) {
			/* parse_or stops early only at a ')' with no '(' before it. */
			filter_fail(err, cur(&p)->column, "unmatched ')'");
			filter_free(n);
			n = NULL;
		}
		size_t terms = n ? count_terms(n) : 0;
		if (terms > MAX_TERMS) {
			filter_fail(err, 1, "filter has too many terms (%zu, at most %d)", terms,
				    MAX_TERMS);
			filter_free(n);
			n = NULL;
		}
		if (!n) {
			filter_toks_free(p.t, p.n);
			return -1;
		}
	}
	filter_toks_free(p.t, p.n);
	*out = n;
	return 0;
}
