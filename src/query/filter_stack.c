/* filter_stack: stacked filter terms (see filter_stack.h). Every change
 * parses first and edits after, so a bad term leaves the stack as it was;
 * each text is parsed once, and the trees are what gets compiled. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/filter_stack.h"
#include "sitrep/util.h"

void fstack_init(struct filter_stack *s)
{
	memset(s, 0, sizeof(*s));
}

static void term_free(struct filter_term *t)
{
	free(t->text);
	filter_free(t->node);
}

void fstack_clear(struct filter_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		term_free(&s->v[i]);
	s->n = 0;
}

void fstack_free(struct filter_stack *s)
{
	fstack_clear(s);
	free(s->v);
	fstack_init(s);
}

void fstack_copy(struct filter_stack *out, const struct filter_stack *s)
{
	fstack_init(out);
	out->n = out->cap = s->n;
	out->v = s->n ? xcalloc(s->n, sizeof *out->v) : NULL;
	for (size_t i = 0; i < s->n; i++)
		out->v[i] = (struct filter_term){xstrdup(s->v[i].text), filter_copy(s->v[i].node),
						 s->v[i].on};
}

static long find(const struct filter_stack *s, const char *text)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].text, text) == 0)
			return (long)i;
	return -1;
}

/* Insert a term at position at, taking ownership of text and node. */
static void insert(struct filter_stack *s, size_t at, char *text, struct filter_node *node)
{
	if (s->n == s->cap)
		s->v = xrealloc(s->v, (s->cap = s->cap ? s->cap * 2 : 8) * sizeof(*s->v));
	memmove(&s->v[at + 1], &s->v[at], (s->n - at) * sizeof(*s->v));
	s->v[at] = (struct filter_term){text, node, true};
	s->n++;
}

/* The top-level terms of text, parsed once: the kids of its AND (taken out
 * of it), or the whole tree. */
struct terms {
	struct filter_node **nodes;
	char **texts;
	size_t n;
};

static int split(const char *text, struct terms *t, struct filter_error *err)
{
	struct filter_node *root;

	memset(t, 0, sizeof *t);
	if (filter_parse(text, &root, err) < 0)
		return -1;
	if (!root)
		return 0;
	bool and = root->type == FILTER_AND;
	t->n = and? root->nkids : 1;
	t->nodes = xcalloc(t->n, sizeof *t->nodes);
	t->texts = xcalloc(t->n, sizeof *t->texts);
	for (size_t i = 0; i < t->n; i++) {
		struct filter_node *k = and? root->kids[i] : root;
		t->texts[i] = xstrndup(text + k->start, k->end - k->start);
		t->nodes[i] = k;
		if (and)
			root->kids[i] = NULL;
	}
	if (and) {
		root->nkids = 0;
		filter_free(root);
	}
	return 0;
}

/* The terms inserted at position at (owned by the stack from now on); a
 * term already in the stack is switched on instead of repeated. */
static void insert_terms(struct filter_stack *s, size_t at, struct terms *t)
{
	for (size_t i = 0; i < t->n; i++) {
		long old = find(s, t->texts[i]);
		if (old >= 0) {
			s->v[old].on = true;
			free(t->texts[i]);
			filter_free(t->nodes[i]);
		} else {
			insert(s, at++, t->texts[i], t->nodes[i]);
		}
	}
	free(t->texts);
	free(t->nodes);
}

int fstack_push(struct filter_stack *s, const char *text, struct filter_error *err)
{
	struct terms t;

	if (split(text, &t, err) < 0)
		return -1;
	insert_terms(s, s->n, &t);
	return 0;
}

int fstack_set(struct filter_stack *s, const char *text, struct filter_error *err)
{
	struct terms t;

	if (split(text, &t, err) < 0)
		return -1;
	fstack_clear(s);
	insert_terms(s, 0, &t);
	return 0;
}

int fstack_edit(struct filter_stack *s, size_t i, const char *text, struct filter_error *err)
{
	struct terms t;

	if (i >= s->n)
		return 0;
	if (split(text, &t, err) < 0)
		return -1;
	fstack_remove(s, i);
	insert_terms(s, i, &t);
	return 0;
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
	term_free(&s->v[i]);
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
static bool needs_parens(const struct filter_term *t)
{
	return t->node && t->node->type == FILTER_OR && !t->node->grouped;
}

char *fstack_text(const struct filter_stack *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t on = fstack_enabled(s);

	sb_add(&sb, "");
	for (size_t i = 0; i < s->n; i++) {
		if (!s->v[i].on)
			continue;
		bool wrap = on > 1 && needs_parens(&s->v[i]);
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_add(&sb, wrap ? "(" : "");
		sb_add(&sb, s->v[i].text);
		sb_add(&sb, wrap ? ")" : "");
	}
	return sb_detach(&sb);
}

struct filter_node *fstack_tree(const struct filter_stack *s)
{
	size_t on = fstack_enabled(s);
	struct filter_node *and;
	if (on == 0)
		return NULL;
	for (size_t i = 0; on == 1 && i < s->n; i++)
		if (s->v[i].on)
			return s->v[i].node; /* as the term's text alone would parse */
	and = xcalloc(1, sizeof *and);
	and->type = FILTER_AND;
	and->kids = xcalloc(on, sizeof *and->kids);
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].on)
			and->kids[ and->nkids++] = s->v[i].node;
	and->column = and->kids[0]->column;
	return and;
}

void fstack_tree_free(const struct filter_stack *s, struct filter_node *tree)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].node == tree)
			return; /* a term's own */
	if (tree) {
		free(tree->kids); /* the kids are the stack's */
		free(tree);
	}
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
