/* import_size: an event too large to store whole is skipped, naming what is
 * too long. SQLite refuses a value longer than the connection's limit (16 MiB,
 * src/store/db.c) when it is bound, and a refused value would be stored as
 * NULL: a 20 MB note used to vanish from an import that said it succeeded. */
#include "config.h"

#include <string.h>

#include "sitrep/import.h"

/* One field; a longer one is a runaway quote or not a field of an export. */
#define FIELD_MAX ((size_t)1 << 20)
/* The event's text together, actors and sources included: the actor names
 * and the full-text index hold it again, each within SQLite's limit. */
#define EVENT_MAX ((size_t)4 << 20)

struct tally {
	size_t total;
	const char *what; /* the first field over FIELD_MAX */
	size_t len;
};

static void add(struct tally *t, const char *what, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	t->total += n;
	if (n > FIELD_MAX && !t->what) {
		t->what = what;
		t->len = n;
	}
}

int import_size_check(struct import_ctx *ctx, const struct event_in *e, unsigned long line)
{
	struct tally t = {0, NULL, 0};
	const struct {
		const char *what, *s;
	} text[] = {
	    {"the title", e->title},
	    {"the description", e->description},
	    {"the event type", e->event_type},
	    {"the sub-event type", e->sub_event_type},
	    {"the location", e->location},
	    {"admin1", e->admin1},
	    {"admin2", e->admin2},
	    {"the country", e->country},
	    {"the fatalities note", e->fatalities_note},
	    {"the id", e->origin_id},
	    {"the other columns", e->extra},
	};

	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		add(&t, text[i].what, text[i].s);
	for (int i = 0; i < e->nactors; i++)
		add(&t, "an actor's name", e->actors[i].name);
	for (int i = 0; i < e->nsources; i++) {
		const struct source_in *s = &e->sources[i];
		add(&t, "a source's title", s->title);
		add(&t, "a source's publisher", s->publisher);
		add(&t, "a source's address", s->url);
		add(&t, "a source's quote", s->quote);
	}
	if (t.what)
		return import_bad(ctx, line, "%s: %zu bytes, at most %zu MiB (event skipped)",
				  t.what, t.len, FIELD_MAX >> 20) < 0
			   ? -1
			   : 1;
	if (t.total > EVENT_MAX)
		return import_bad(ctx, line,
				  "the event's text: %zu bytes with %d actors and %d sources, at "
				  "most %zu MiB (event skipped)",
				  t.total, e->nactors, e->nsources, EVENT_MAX >> 20) < 0
			   ? -1
			   : 1;
	return 0;
}
