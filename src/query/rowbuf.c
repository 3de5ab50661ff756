/* Key-paged row window for the timeline. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/rowbuf.h"

void rowbuf_init(struct rowbuf *b, const struct query *q)
{
	memset(b, 0, sizeof *b);
	b->q = q;
	b->rank = -1;
	b->total = -1;
}

static void drop(struct rowbuf *b)
{
	event_rows_free(b->rows, b->n);
	b->rows = NULL;
	b->n = b->cur = 0;
}

void rowbuf_free(struct rowbuf *b)
{
	drop(b);
}

void rowbuf_clear(struct rowbuf *b)
{
	drop(b);
	b->at_start = b->at_end = true;
	b->rank = b->total = -1;
	b->unread = true;
}

const struct event_row *rowbuf_cursor(const struct rowbuf *b)
{
	return b->n ? &b->rows[b->cur] : NULL;
}

/* Reverse rows [0, n) in place (backward pages come nearest first). */
static void reverse(struct event_row *r, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct event_row t = r[i];
		r[i] = r[n - 1 - i];
		r[n - 1 - i] = t;
	}
}

/* Refill around key: `before` rows before it, `after` from it on. key NULL
 * with after > 0: from the start; with after == 0: from the end. The new
 * rows replace the old only when both pages came: a query that fails (the
 * file locked by an import, say) leaves the window and the cursor as they
 * were, so the screen keeps its rows beside the error. */
static int fill(struct rowbuf *b, const struct event_key *key, int before, int after, char **err)
{
	struct event_row *rows = NULL;
	size_t n = 0, nb = 0;
	if (key || after == 0) {
		if (query_page(b->q, key, QUERY_BACKWARD, false, before, &rows, &n, err))
			goto fail;
		nb = n;
		reverse(rows, nb);
	}
	if (key || after > 0)
		if (query_page(b->q, key, QUERY_FORWARD, true, after, &rows, &n, err))
			goto fail;
	drop(b); /* only now: key may point into these rows */
	b->rows = rows;
	b->n = n;
	b->unread = false;
	b->at_start = !key || nb < (size_t)before;
	b->at_end = (!key && after == 0) || b->n - nb < (size_t)after;
	b->cur = nb < b->n ? nb : b->n ? b->n - 1 : 0;
	return 0;
fail:
	event_rows_free(rows, n);
	return -1;
}

int rowbuf_first(struct rowbuf *b, int margin, char **err)
{
	if (fill(b, NULL, 0, 3 * margin, err))
		return -1;
	b->rank = 0;
	return 0;
}

int rowbuf_count(struct rowbuf *b, char **err)
{
	return query_count(b->q, &b->total, err);
}

int rowbuf_last(struct rowbuf *b, int margin, char **err)
{
	if (fill(b, NULL, 3 * margin, 0, err))
		return -1;
	if (b->total < 0 && rowbuf_count(b, err))
		return -1;
	b->rank = b->n ? b->total - 1 : 0;
	return 0;
}

int rowbuf_seek(struct rowbuf *b, const struct event_key *key, int margin, char **err)
{
	if (fill(b, key, 2 * margin, 2 * margin, err))
		return -1;
	const struct event_row *r = rowbuf_cursor(b);
	b->rank = 0;
	if (r) {
		struct event_key k;
		event_row_key(r, &k);
		if (query_rank(b->q, &k, &b->rank, err))
			return -1;
	}
	return 0;
}

int rowbuf_move(struct rowbuf *b, long delta, int margin, long *moved, char **err)
{
	*moved = 0;
	if (!b->n)
		return 0;
	long target = (long)b->cur + delta;
	/* refill when the move would leave less than a margin on its side */
	bool short_ahead = delta > 0 && !b->at_end && target + margin >= (long)b->n;
	bool short_behind = delta < 0 && !b->at_start && target - margin < 0;
	if (short_ahead || short_behind) {
		struct event_key k;
		event_row_key(&b->rows[b->cur], &k);
		long need = labs(delta) + 2L * margin;
		if (fill(b, &k, short_behind ? (int)need : margin, short_ahead ? (int)need : margin,
			 err))
			return -1;
		target = (long)b->cur + delta;
	}
	if (target < 0)
		target = 0;
	if (target >= (long)b->n)
		target = (long)b->n - 1;
	*moved = target - (long)b->cur;
	b->cur = (size_t)target;
	if (b->rank >= 0)
		b->rank += *moved;
	return 0;
}
