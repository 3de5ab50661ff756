/* filter_resolve: the look-ups the filter compiler makes before it writes
 * SQL, internal to the filter module: actor ids (with affiliates), the stored
 * spellings of a folded name, gazetteer places, and the longest event span. */
#ifndef SITREP_FILTER_RESOLVE_H
#define SITREP_FILTER_RESOLVE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/filter.h"

struct id_list {
	long long *v;
	size_t n, cap;
};

struct str_list {
	char **v;
	size_t n, cap;
};

void id_list_free(struct id_list *l);
void str_list_free(struct str_list *l);

/* prefix + s + suffix with LIKE's wildcards in s escaped by '\'. Caller frees. */
char *filter_like_pattern(const char *prefix, const char *s, const char *suffix);
/* Actors whose alias folds to name, else whose alias has a word starting
 * with it; with their affiliates (parent_id, any depth) unless alone. */
int resolve_actors(sqlite3 *db, const char *name, bool alone, struct id_list *ids,
		   struct filter_error *err);
/* The stored values of table.column that fold equal to one of the folded
 * patterns (a trailing '*' matches a prefix), or with words, that hold a
 * pattern as a whole word ("apa" in "APA News"); appended to out. Walks the
 * distinct values through an index on column, one seek per value. */
int resolve_values(sqlite3 *db, const char *table, const char *column, char **folded,
		   size_t npatterns, bool words, struct str_list *out, struct filter_error *err);
/* A near: value's centre: its coordinates, or its place resolved. */
int resolve_place(sqlite3 *db, struct filter_value *v, double *lat, double *lon,
		  struct filter_error *err);
/* The day relative dates count back from: date_today(), or with
 * SITREP_NOW=latest (--now latest) the first day of the newest event (the
 * clock's today in a file with none). */
int resolve_today(sqlite3 *db, long *today, struct filter_error *err);
/* The longest event, in days (date_end - date_start), or -1 on error. */
int resolve_max_span(sqlite3 *db, long *days, struct filter_error *err);
/* *ordered: every event has valid dates with date_end >= date_start, so
 * "date_start >= X" implies "date_end >= X" (see emit_dates). */
int resolve_spans_ordered(sqlite3 *db, bool *ordered, struct filter_error *err);

/* For tests: how filter_sql joins a term that has a choice (see pick_form in
 * filter_sql.c): -1 (the default) probes the term's number of events, 0
 * forces "drive", 1 "set", 2 "walk", for pages and counts alike. The rows
 * must be the same whatever the form. */
extern int filter_sql_force_form;

#endif
