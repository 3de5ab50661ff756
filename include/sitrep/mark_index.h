/* mark_index: a notebook's marks (notebook.h) held in memory and found by
 * an event's origin and origin id, for outputs that show each event's
 * tags and notes (`export --with-notes`, `list --with-notes`): one read of
 * the notebook, however many events, and no query a row. Memory goes with
 * the notebook (an analyst's marks), not with the database. */
#ifndef SITREP_MARK_INDEX_H
#define SITREP_MARK_INDEX_H

#include <stddef.h>

#include "sitrep/notebook.h"

struct mark_index {
	struct mark *v; /* by (origin, origin_id), then as notebook_marks reads them */
	size_t n;
};

/* Every mark of nb (NULL: none) into mi. 0, or -1 with *err set. */
int mark_index_load(struct mark_index *mi, struct notebook *nb, char **err);
void mark_index_free(struct mark_index *mi);

/* The marks on one event: *n of them from *first (none when either id is
 * NULL). */
void mark_index_find(const struct mark_index *mi, const char *origin, const char *origin_id,
		     size_t *first, size_t *n);

/* Their tags, each once, oldest first, into out (room for n): how many. */
size_t marks_tag_list(const struct mark *v, size_t n, const char **out);
/* Their tags, each once, "; " between them, oldest first; NULL when none.
 * Caller frees. */
char *marks_tags(const struct mark *v, size_t n);
/* Their notes as a compact JSON array of {"text","author","created"},
 * oldest first ("[]" when none). Caller frees. */
char *marks_notes_json(const struct mark *v, size_t n);
/* Their notes' texts for a person: "; " between them, line breaks as
 * spaces; NULL when none. Caller frees. */
char *marks_notes_text(const struct mark *v, size_t n);

#endif
