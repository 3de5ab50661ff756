/* filter_stack: the active filter as a stack of terms (the TUI's chips),
 * each switched on or off: push, toggle, edit, remove, clear. A term is
 * parsed once, when it enters the stack, and kept as its tree: the filter
 * in force is the AND of the trees that are on (fstack_tree), compiled as
 * it is; text is made only to show the filter and keep it in the history.
 * "actor:JNIM since:2022" pushes two chips. */
#ifndef SITREP_FILTER_STACK_H
#define SITREP_FILTER_STACK_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/filter.h"
#include "sitrep/strbuf.h"

struct filter_term {
	char *text;               /* as written: "actor:JNIM", "(a or b)" */
	struct filter_node *node; /* its tree */
	bool on;
};

struct filter_stack {
	struct filter_term *v;
	size_t n, cap;
};

void fstack_init(struct filter_stack *s);
void fstack_free(struct filter_stack *s);
void fstack_clear(struct filter_stack *s);
/* *out (initialised by the call) holds a copy of every term of s. */
void fstack_copy(struct filter_stack *out, const struct filter_stack *s);

/* Push each top-level term of text, switched on; a term already in the
 * stack is switched on instead of repeated. 0, or -1 with err set (the
 * stack unchanged). */
int fstack_push(struct filter_stack *s, const char *text, struct filter_error *err);
/* Replace the stack with the terms of text (the filter prompt). */
int fstack_set(struct filter_stack *s, const char *text, struct filter_error *err);
/* Replace term i by the terms of text (several terms, or none to remove it). */
int fstack_edit(struct filter_stack *s, size_t i, const char *text, struct filter_error *err);
void fstack_toggle(struct filter_stack *s, size_t i);
void fstack_remove(struct filter_stack *s, size_t i);
size_t fstack_enabled(const struct filter_stack *s); /* how many are on */

/* The terms that are on, joined with spaces (AND); a term with a top-level
 * "or" goes in parentheses so that it stays one term (once: a term written
 * in parentheses keeps its own). Caller frees; "" when none is on. */
char *fstack_text(const struct filter_stack *s);

/* The tree of the terms that are on (NULL when none), the one their text
 * would parse to, made of the terms' own trees: valid until the stack
 * changes; free it with fstack_tree_free (before changing the stack),
 * never filter_free. */
struct filter_node *fstack_tree(const struct filter_stack *s);
void fstack_tree_free(const struct filter_stack *s, struct filter_node *tree);

/* A term for field with value, quoted when needed: actor:"Katiba Macina",
 * region:Kayes, id:MLI2665. Caller frees. */
char *filter_term_make(const char *field, const char *value);

#endif
