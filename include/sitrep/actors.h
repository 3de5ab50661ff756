/* actors: the actor panel's data. Every actor with events in the current
 * filter, with its counts and dates, arranged as a tree by affiliation
 * (Katiba Macina under JNIM under AQIM; an ancestor with no events of its
 * own still shows as a node), siblings sorted by the key the user chose;
 * and one actor's detail: aliases, parent, children, busiest months. */
#ifndef SITREP_ACTORS_H
#define SITREP_ACTORS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/date.h"
#include "sitrep/layer_set.h"
#include "sitrep/span.h"
#include "sitrep/sqlfrag.h"

enum actors_sort {
	ACTORS_BY_COUNT,
	ACTORS_BY_FATALITIES,
	ACTORS_BY_NAME,
	ACTORS_BY_LAST,
	ACTORS_NSORTS
};

const char *actors_sort_name(enum actors_sort s); /* "count" "fatalities" "name" "last-seen" */
int actors_sort_parse(const char *s, enum actors_sort *out); /* 0, or -1 unknown */

/* The sides of an event (event_actor.role): the first is actor1 and a
 * claimant, the second actor2 and a target; an associate or an actor only
 * involved is on neither (counted in events, not in a side). */
enum { ACTOR_SIDES = 2 };
/* The roles of each side, as event_actor.role spells them. */
extern const char *const actor_side_roles[ACTOR_SIDES][2];
/* The parts of the filter's span in an actor's sparkline. */
enum { ACTOR_SPARK = 16 };

struct actor_node {
	long long id, parent_id; /* parent_id 0: none */
	char *name, *kind;       /* kind NULL when unknown; raw data: sanitise to show */
	long events;             /* events in the filter naming this actor (0: an ancestor) */
	/* every known death in those events, on whatever side: what the
	 * actor's events cost, not what it did */
	long long fatalities;
	long side_events[ACTOR_SIDES]; /* of those events, the ones with it on a side */
	long long side_fatalities[ACTOR_SIDES];
	long spark[ACTOR_SPARK];   /* its events in each part of the filter's span */
	char first[DATE_ISO_LEN];  /* earliest date_start, "" when no events */
	char last[DATE_ISO_LEN];   /* latest date_end, "" when no events */
	enum date_prec first_prec; /* how much of first and last is known: */
	enum date_prec last_prec;  /* show a month's event as "2021-12" */
	int depth;                 /* 0 for a root */
	/* the subtree's totals, which order siblings: a parent with busy
	 * affiliates sorts with them */
	long sub_events;
	long long sub_fatalities;
	char sub_last[DATE_ISO_LEN];
	char *folded;     /* name and aliases folded, one per line, for search */
	size_t kid, next; /* internal: first child and next sibling + 1 */
};

/* A layer's actor (its id there, as layer_event_id makes event ids) and
 * the node of all it counts into. */
struct actor_layer_map {
	long long layer_actor;
	long long node_id;
};

struct actor_list {
	struct actor_node *v; /* in display order: tree pre-order (strings
			       * borrowed from all) */
	size_t n;
	enum actors_sort sort;
	/* internal: every actor by id with its counts so far, and the
	 * counting under way */
	struct actor_node *all;
	size_t nall;
	sqlite3 *db;
	struct span_scan span; /* first: the filter's span, for the sparklines */
	sqlite3_stmt *st;
	bool done;
	long long cur_event, seen[16]; /* actors counted in the current event */
	unsigned seen_sides[16];       /* and the sides each was counted on */
	size_t nseen;
	/* the layers' events counted after the file's own (actors_layers.c) */
	const struct layer_set *layers;
	int layer_at;                /* the layer counted now */
	sqlite3_stmt *layer_st;      /* its rows, as st's, with the actor's name */
	struct actor_layer_map *met; /* a layer's actors met so far, by id */
	size_t nmet;
};

/* The actors of the events matching where (over alias e; empty: every
 * event), sorted by count. 0, or -1 with *err set. */
int actors_load(sqlite3 *db, const struct sqlfrag *where, struct actor_list *out, char **err);
/* The same in steps, so that a big file never holds up the keyboard:
 * actors_begin reads the actors, actors_step reads the filter's span (for
 * the sparklines: nothing counted yet, span.done false) then counts their
 * events, for about budget_ms a step (1: more to do, 0: done, -1: *err
 * set); v and n show what is counted so far, in the order of out->sort. */
int actors_begin(sqlite3 *db, const struct sqlfrag *where, struct actor_list *out, char **err);
int actors_step(struct actor_list *l, int budget_ms, char **err);
/* Count the events of layers (layer_set.h) that the filter keeps too, as
 * the timeline shows them, after the file's own: a layer's actor counts
 * into the file's actor of the same name or alias, else shows as an actor
 * of its own (a root, id < 0, no detail). Call after actors_begin. */
void actors_with_layers(struct actor_list *l, const struct layer_set *layers);
void actors_free(struct actor_list *l);
/* date as far as prec knows it into buf (DATE_ISO_LEN): "2021-12-01" at
 * month precision is "2021-12", at year "2021"; "" stays "". */
void actors_date(char *buf, const char *date, enum date_prec prec);
/* Re-sort: siblings by key, every child still under its parent. */
void actors_sort(struct actor_list *l, enum actors_sort key);
/* The index of actor id, or -1. */
long actors_index(const struct actor_list *l, long long id);
/* The next node from (exclusive) in direction dir (+1/-1, wrapping) whose
 * name or an alias contains text (folded); -1 when none. */
long actors_find(const struct actor_list *l, const char *text, long from, int dir);

struct actor_month {
	char month[8]; /* "2022-07" */
	long events;
};

struct actor_ref {
	long long id;
	char *name;
};

struct actor_detail {
	long long id;
	char *name, *kind, *description; /* NULL when unknown */
	struct actor_ref parent;         /* id 0 when none */
	struct actor_ref *children;
	size_t nchildren;
	char **aliases; /* every other name, sorted */
	size_t naliases;
	long events;          /* over the whole file, not the filter */
	long long fatalities; /* every death in those events, any side */
	long side_events[ACTOR_SIDES];
	long long side_fatalities[ACTOR_SIDES];
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN];
	enum date_prec first_prec, last_prec; /* as actor_node's */
	struct actor_month *months;           /* busiest first, at most top_months */
	size_t nmonths;
};

/* 0, 1 when there is no actor id, or -1 with *err set. */
int actor_detail_load(sqlite3 *db, long long id, int top_months, struct actor_detail *out,
		      char **err);
void actor_detail_free(struct actor_detail *d);

#endif
