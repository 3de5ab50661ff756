/* count_fast: `sitrep count` of a filter of one field without a pass over
 * the events: an actor field (actor:, actor1:, actor2:, assoc:) from the
 * (actor_id, event_id) index alone, each event once however many of the
 * actor's names or sub-units it names; a few-valued field (inter1:,
 * inter2:, disorder:, geo_precision:, civilians:, precision:) from the
 * counts the file keeps (event_count, src/store/db_counts.c). */
#ifndef SITREP_COUNT_FAST_H
#define SITREP_COUNT_FAST_H

#include <sqlite3.h>

/* 1 with *count the events filter text matches, 0 when it has no fast
 * count here (or the file lacks what it needs: count the general way), or
 * -1 with *err set. The text must compile (filter_compile) first: errors
 * in it are not reported here. */
int count_fast(sqlite3 *db, const char *text, long long *count, char **err);

#endif
