/* brief: a Markdown report of the events a filter matches (`sitrep brief`,
 * :brief FILE.md), for a reader without sitrep: what the filter is, counts
 * and fatalities, the events per month as a text chart, the top actors and
 * regions, the context events in the span, then every event with its
 * place, its actors by side, its fatalities (each source's own figure
 * where they disagree) and its sources as links. Text from the data is
 * sanitised and its Markdown characters escaped, so that a title can
 * neither break the layout nor inject a link. One event's record is held
 * at a time. */
#ifndef SITREP_BRIEF_H
#define SITREP_BRIEF_H

#include <sqlite3.h>
#include <stdio.h>

#include "sitrep/sqlfrag.h"

struct notebook;

/* filter: the filter's text as typed ("" none); where: it compiled for a
 * count (filter_compile_count); nb: a notebook whose stars, tags and notes
 * each event lists (NULL: none). 0, or -1 with *err (caller frees). */
int brief_write(sqlite3 *db, const char *filter, const struct sqlfrag *where, struct notebook *nb,
		FILE *out, char **err);

#endif
