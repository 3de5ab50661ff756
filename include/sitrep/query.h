/* query: the timeline's rows, a page at a time. Pages are fetched by key
 * (date_start, id) around an anchor in either direction, never by OFFSET,
 * so the cost of showing any window does not grow with the file. A filter
 * reaches this module as a WHERE fragment with bound values (sqlfrag),
 * built by filter_sql from the filter language. */
#ifndef SITREP_QUERY_H
#define SITREP_QUERY_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/date.h"
#include "sitrep/sqlfrag.h"

/* One timeline line. Strings are owned by the row (NULL when absent). */
struct event_row {
	long long id;
	bool context;                  /* kind = 'context' */
	struct date_span date;         /* DATE_INVALID_DAY when it cannot be read */
	char date_start[DATE_ISO_LEN]; /* as stored; "invalid" with key_by_row */
	char *title;
	char *event_type;
	char *location;
	char *admin1;
	char *country;
	char *actors;         /* names joined by "; ", actor1 first */
	char *sides;          /* the actors with their roles, coded (actor_sides.h) */
	long long fatalities; /* -1 when unknown */
	bool has_coords;      /* false too when invalid (coords_invalid) */
	bool coords_invalid;  /* something other than a place on the globe */
	double lat, lon;
	/* date_start cannot hold the stored value exactly (not text, or text
	 * longer than a date): the row's key goes by its id (event_key). */
	bool key_by_row;
	bool date_null; /* date_start is NULL */
};

/* A position in timeline order: (date, id), or, with by_row, the stored
 * date_start of the event id, whatever its type and length (a file made
 * elsewhere can hold a number, a blob or a long text there: a copy cut
 * to date's size would page wrongly, repeating or skipping rows). */
struct event_key {
	char date[DATE_ISO_LEN];
	long long id;
	bool by_row;
	bool null_date; /* the row's date_start is NULL: it sorts first */
};

/* Rows from elsewhere (a layer: layer.h) that join the query's own, in
 * timeline order, each already known to match the query's filter. */
struct row_set {
	const struct event_row *v;
	size_t n;
};

struct query {
	sqlite3 *db;
	/* A boolean SQL expression over the alias "e" (the event table), or
	 * empty for every event. Not owned. */
	const struct sqlfrag *where;
	/* Optional: the same rows in the form that counts fastest
	 * (filter_compile_count); query_count uses it when set. */
	const struct sqlfrag *count_where;
	/* Optional: rows merged into every page, count, rank and seek. */
	const struct row_set *extra;
};

enum query_dir {
	QUERY_FORWARD,  /* rows at or after the anchor, ascending */
	QUERY_BACKWARD, /* rows before the anchor, nearest first (descending) */
};

/* Up to limit rows from anchor in direction dir. anchor NULL means from
 * the start (forward) or from the end (backward). With QUERY_FORWARD the
 * anchor row itself is included when inclusive is true. Rows are appended
 * to *rows (realloc'd), *n updated. Returns 0, or -1 with *err set, *n as
 * it was and no row of this call left (*rows freed and NULL when *n is 0). */
int query_page(const struct query *q, const struct event_key *anchor, enum query_dir dir,
	       bool inclusive, int limit, struct event_row **rows, size_t *n, char **err);

/* query_page without the actors (NULL), for query_rows_actors to fill a
 * page at once: what a long listing takes, where the page query's
 * subquery a row costs a statement per row. */
int query_page_bare(const struct query *q, const struct event_key *anchor, enum query_dir dir,
		    bool inclusive, int limit, struct event_row **rows, size_t *n, char **err);
/* The actors of n rows (as query_page reads them) in one query. 0, or -1
 * with *err set. */
int query_rows_actors(sqlite3 *db, struct event_row *rows, size_t n, char **err);

/* Number of matching events. */
int query_count(const struct query *q, long long *count, char **err);
/* Number of matching events strictly before key (the cursor's rank). */
int query_rank(const struct query *q, const struct event_key *key, long long *rank, char **err);
/* The key of the first matching event on or after day (for :goto DATE). */
int query_seek_date(const struct query *q, const char *iso_date, struct event_key *key, bool *found,
		    char **err);

void event_row_key(const struct event_row *r, struct event_key *key);
/* <0, 0, >0: row r comes before key k in timeline order, is it, after it. */
int event_row_cmp_key(const struct event_row *r, const struct event_key *k);
/* A deep copy of src into *dst. */
void event_row_copy(struct event_row *dst, const struct event_row *src);
void event_rows_free(struct event_row *rows, size_t n);

#endif
