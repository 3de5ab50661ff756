/* rowbuf: the timeline's window onto the query: the rows around the cursor
 * (what the screen shows plus a margin each side), refilled by key paging
 * when the cursor nears an edge, with the cursor's rank (k of k/N) tracked
 * as it moves. Memory and work per key do not grow with the file. */
#ifndef SITREP_ROWBUF_H
#define SITREP_ROWBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/query.h"

struct rowbuf {
	const struct query *q;
	struct event_row *rows; /* ascending */
	size_t n, cur;
	bool at_start, at_end; /* rows[0] is the first match; rows[n-1] the last */
	long long rank;        /* matches before rows[cur]; -1 unknown */
	long long total;       /* matches; -1 not counted yet */
	bool unread;           /* cleared (rowbuf_clear) and not filled since */
};

void rowbuf_init(struct rowbuf *b, const struct query *q);
void rowbuf_free(struct rowbuf *b);
/* No rows: for rows that no longer match the query (its filter changed
 * and the refill failed). The count and rank are unknown again, and
 * unread is set until a refill succeeds. */
void rowbuf_clear(struct rowbuf *b);
const struct event_row *rowbuf_cursor(const struct rowbuf *b); /* NULL: no rows */

/* Each keeps at least margin rows each side of the cursor when there are
 * that many. 0, or -1 with *err set. */
int rowbuf_first(struct rowbuf *b, int margin, char **err);
int rowbuf_last(struct rowbuf *b, int margin, char **err);
/* Cursor on the first row at or after key (the last row when none). */
int rowbuf_seek(struct rowbuf *b, const struct event_key *key, int margin, char **err);
/* Move by delta rows (clamped at the ends); *moved says how far it went. */
int rowbuf_move(struct rowbuf *b, long delta, int margin, long *moved, char **err);
int rowbuf_count(struct rowbuf *b, char **err);

#endif
