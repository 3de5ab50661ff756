/* actors_tree: ordering the actor panel (see actors.h): sorting siblings
 * by a key while keeping every child under its parent, and search. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/actors.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

/* Deeper than any real affiliation chain; keeps a corrupt file's drawing sane. */
#define MAX_DEPTH 16

static int cmp_name(const struct actor_node *x, const struct actor_node *y)
{
	int c = strcasecmp(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

#define DESC(a, b) (((a) < (b)) - ((a) > (b)))

static int cmp_count(const void *a, const void *b)
{
	const struct actor_node *x = *(struct actor_node *const *)a,
				*y = *(struct actor_node *const *)b;
	int c = DESC(x->sub_events, y->sub_events);
	return c ? c : cmp_name(x, y);
}

static int cmp_fatal(const void *a, const void *b)
{
	const struct actor_node *x = *(struct actor_node *const *)a,
				*y = *(struct actor_node *const *)b;
	int c = DESC(x->sub_fatalities, y->sub_fatalities);
	return c ? c : cmp_count(a, b);
}

static int cmp_alpha(const void *a, const void *b)
{
	return cmp_name(*(struct actor_node *const *)a, *(struct actor_node *const *)b);
}

static int cmp_last(const void *a, const void *b)
{
	const struct actor_node *x = *(struct actor_node *const *)a,
				*y = *(struct actor_node *const *)b;
	int c = strcmp(y->sub_last, x->sub_last); /* ISO dates: text order is date order */
	return c ? c : cmp_name(x, y);
}

static int by_id(const void *a, const void *b)
{
	const struct actor_node *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

long actors_index(const struct actor_list *l, long long id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return (long)i;
	return -1;
}

static long find_id(const struct actor_node *v, size_t n, long long id)
{
	struct actor_node key = {.id = id};
	const struct actor_node *p = bsearch(&key, v, n, sizeof(*v), by_id);
	return p ? p - v : -1;
}

/* Emit node i and its subtree into out (pre-order), marking what it used. */
static void walk(struct actor_node *v, size_t i, int depth, bool *done, struct actor_node *out,
		 size_t *nout)
{
	if (done[i])
		return;
	done[i] = true;
	v[i].depth = depth < MAX_DEPTH ? depth : MAX_DEPTH;
	out[(*nout)++] = v[i];
	for (size_t k = v[i].kid; k; k = v[k - 1].next)
		walk(v, k - 1, depth + 1, done, out, nout);
}

void actors_sort(struct actor_list *l, enum actors_sort key)
{
	static int (*const cmp[ACTORS_NSORTS])(const void *, const void *) = {cmp_count, cmp_fatal,
									      cmp_alpha, cmp_last};
	size_t n = l->n;

	l->sort = key;
	if (n == 0)
		return;
	qsort(l->v, n, sizeof(*l->v), by_id);
	struct actor_node **order = xcalloc(n, sizeof(*order));
	for (size_t i = 0; i < n; i++) {
		order[i] = &l->v[i];
		l->v[i].kid = l->v[i].next = 0;
	}
	qsort(order, n, sizeof(*order), cmp[key]);
	/* Thread children backwards so each list comes out in key order. */
	size_t roots = 0;
	for (size_t r = n; r-- > 0;) {
		size_t i = (size_t)(order[r] - l->v);
		long p = l->v[i].parent_id ? find_id(l->v, n, l->v[i].parent_id) : -1;
		size_t *head = p >= 0 && (size_t)p != i ? &l->v[p].kid : &roots;
		l->v[i].next = *head;
		*head = i + 1;
	}
	struct actor_node *out = xcalloc(n, sizeof(*out));
	bool *done = xcalloc(n, sizeof(*done));
	size_t nout = 0;
	for (size_t k = roots; k; k = l->v[k - 1].next)
		walk(l->v, k - 1, 0, done, out, &nout);
	/* Actors caught in a parent cycle (bad data) are shown as roots. */
	for (size_t r = 0; r < n; r++)
		walk(l->v, (size_t)(order[r] - l->v), 0, done, out, &nout);
	free(done);
	free(order);
	free(l->v);
	l->v = out;
}

long actors_find(const struct actor_list *l, const char *text, long from, int dir)
{
	char *needle = text_fold(text);
	long n = (long)l->n, found = -1;

	for (long k = 1; n > 0 && k <= n; k++) {
		long i = ((from + dir * k) % n + n) % n;
		if (strstr(l->v[i].folded, needle)) {
			found = i;
			break;
		}
	}
	free(needle);
	return found;
}
