/* filter_stack: stacked filter terms (see filter_stack.h). Every change
 * parses first and edits after, so a bad term leaves the stack as it was. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/filter_stack.h"
#include "sitrep/util.h"

void fstack_init(struct filter_stack *s)
{
	memset(s, 0, sizeof(*s));
}

void fstack_clear(struct filter_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	s->n = 0;
}

void fstack_free(struct filter_stack *s)
{
	fstack_clear(s);
	free(s->v);
	fstack_init(s);
}

static long find(const struct filter_stack *s, const char *text)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].text, text) == 0)
			return (long)i;
	return -1;
}

/* Insert term at position at (taking ownership). */
static void insert(struct filter_stack *s, size_t at, char *text)
{
	if (s->n == s->cap)
		s->v = xrealloc(s->v, (s->cap = s->cap ? s->cap * 2 : 8) * sizeof(*s->v));
	memmove(&s->v[at + 1], &s->v[at], (s->n - at) * sizeof(*s->v));
	s->v[at].text = text;
	s->v[at].on = true;
	s->n++;
}

/* The terms of text inserted at position at; returns how many. */
static int insert_terms(struct filter_stack *s, size_t at, const char *text,
			struct filter_error *err)
{
	char **terms;
	size_t n;

	if (filter_terms(text, &terms, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		long old = find(s, terms[i]);
		if (old >= 0) {
			s->v[old].on = true;
			free(terms[i]);
		} else {
			insert(s, at++, terms[i]);
		}
	}
	free(terms); /* the strings now belong to the stack */
	return 0;
}

int fstack_push(struct filter_stack *s, const char *text, struct filter_error *err)
{
	return insert_terms(s, s->n, text, err);
}

int fstack_set(struct filter_stack *s, const char *text, struct filter_error *err)
{
	char **terms;
	size_t n;

	if (filter_terms(text, &terms, &n, err) < 0)
		return -1;
	filter_terms_free(terms);
	fstack_clear(s);
	return insert_terms(s, 0, text, err);
}

int fstack_edit(struct filter_stack *s, size_t i, const char *text, struct filter_error *err)
{
	char **terms;
	size_t n;

	if (i >= s->n)
		return 0;
	if (filter_terms(text, &terms, &n, err) < 0)
		return -1;
	filter_terms_free(terms);
	fstack_remove(s, i);
	return insert_terms(s, i, text, err);
}

void fstack_toggle(struct filter_stack *s, size_t i)
{
	if (i < s->n)
		s->v[i].on = !s->v[i].on;
}

void fstack_remove(struct filter_stack *s, size_t i)
{
	if (i >= s->n)
		return;
	free(s->v[i].text);
	memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof(*s->v));
	s->n--;
}

size_t fstack_enabled(const struct filter_stack *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n; i++)
		k += s->v[i].on;
	return k;
}

/* A top-level "or" would bind the neighbours' terms into it once joined. */
static bool needs_parens(const char *term)
{
	struct filter_node *root;
	struct filter_error err;
	bool is_or;

	if (filter_parse(term, &root, &err) < 0)
		return false;
	is_or = root && root->type == FILTER_OR;
	filter_free(root);
	return is_or;
}

char *fstack_text(const struct filter_stack *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t on = fstack_enabled(s);

	sb_add(&sb, "");
	for (size_t i = 0; i < s->n; i++) {
		if (!s->v[i].on)
			continue;
		bool wrap = on > 1 && needs_parens(s->v[i].text);
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_add(&sb, wrap ? "(" : "");
		sb_add(&sb, s->v[i].text);
		sb_add(&sb, wrap ? ")" : "");
	}
	return sb_detach(&sb);
}

char *filter_term_make(const char *field, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	bool plain = *value != '\0';

	for (const char *p = value; *p; p++)
		if (strchr(" \t\n\"\\()|:<>=-'", *p) && !(*p == '-' && p != value))
			plain = false;
	sb_add(&sb, field);
	sb_addc(&sb, ':');
	if (plain) {
		sb_add(&sb, value);
		return sb_detach(&sb);
	}
	sb_addc(&sb, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addc(&sb, '\\');
		sb_addc(&sb, *p);
	}
	sb_addc(&sb, '"');
	return sb_detach(&sb);
}
