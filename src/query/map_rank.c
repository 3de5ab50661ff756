/* map_rank: see map_rank.h. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/map_rank.h"
#include "sitrep/util.h"

struct key {
	long long at, near; /* events in the place's cell, in the 3x3 around it */
	long long here;     /* events at the place */
	int class;
	long long population;
	int index; /* the order it came in: ties keep it */
};

int map_rank_class(const char *kind)
{
	static const char *const classes[] = {"city", "town", "village"};
	for (int i = 0; kind && i < 3; i++)
		if (strcmp(kind, classes[i]) == 0)
			return i;
	return 3;
}

static int cmp_ll(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

static int by_rank(const void *va, const void *vb)
{
	const struct key *a = va, *b = vb;
	int c = cmp_ll(b->here, a->here);
	if (!c)
		c = cmp_ll(b->at, a->at);
	if (!c)
		c = cmp_ll(b->near, a->near);
	if (!c)
		c = a->class - b->class;
	if (!c)
		c = cmp_ll(b->population, a->population);
	return c ? c : a->index - b->index;
}

static long long cell_count(const struct projection *p, const long long *counts, int col, int row)
{
	if (!counts || col < 0 || row < 0 || col >= p->cols || row >= p->rows)
		return 0;
	return counts[(size_t)row * (size_t)p->cols + (size_t)col];
}

int map_rank(const struct place *pl, int n, const struct projection *p, const long long *counts,
	     const long long *at_place, int *order)
{
	struct key *k = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*k));
	int kept = 0;

	for (int i = 0; i < n; i++) {
		double col, row;
		struct key *o = &k[kept];
		if (!projection_to_cell(p, pl[i].lat, pl[i].lon, &col, &row))
			continue;
		*o = (struct key){.at = cell_count(p, counts, (int)col, (int)row),
				  .here = at_place ? at_place[i] : 0,
				  .class = map_rank_class(pl[i].kind),
				  .population = pl[i].population,
				  .index = i};
		for (int dr = -1; dr <= 1; dr++)
			for (int dc = -1; dc <= 1; dc++)
				o->near += cell_count(p, counts, (int)col + dc, (int)row + dr);
		if (o->class < 2 || o->at > 0)
			kept++;
	}
	qsort(k, (size_t)kept, sizeof(*k), by_rank);
	for (int i = 0; i < kept; i++)
		order[i] = k[i].index;
	free(k);
	return kept;
}

int map_rank_label(struct map_grid *g, const struct projection *p, const struct place *pl, int n,
		   const long long *counts, const long long *at_place)
{
	int *order = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*order));
	bool *labelled = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*labelled));
	int ranked = map_rank(pl, n, p, counts, at_place, order), written = 0;

	for (int i = 0; i < ranked; i++) {
		const struct place *a = &pl[order[i]];
		/* a name once: the gazetteer has a city and a town Koutiala */
		bool shown = false;
		for (int j = 0; j < i && !shown; j++)
			shown = labelled[j] && strcmp(pl[order[j]].name, a->name) == 0;
		labelled[i] = !shown && map_grid_label(g, p, a->name, a->lat, a->lon);
		written += labelled[i];
	}
	free(labelled);
	free(order);
	return written;
}
