/* json_event: the JSON shapes of an event's parts that `sitrep show
 * --format json` and `sitrep export --format json` (and the sources column
 * of CSV/TSV export) both write: an actor, a source, the extra object, and
 * the lists around them. They are written here once, so that a change to a
 * shape reaches both outputs; each caller copies its own struct's fields
 * into the small structs below. Strings are escaped by out_json_string. */
#ifndef SITREP_JSON_EVENT_H
#define SITREP_JSON_EVENT_H

#include <stdbool.h>
#include <stdio.h>

/* The same shapes, laid out for two readers. */
enum json_layout {
	JSON_COMPACT,  /* export: no spaces at all, one event per line */
	JSON_INDENTED, /* show: ": " and ", "; a list's items or an extra
			* object's pairs one a line, 4 deep, as the
			* value of a member of a 2-deep object */
};

struct json_actor {
	const char *name, *role;
	bool detailed; /* also id, kind and parent (show has them, export not) */
	long long id;
	const char *kind, *parent;
};

struct json_source {
	const char *title, *publisher, *url, *published, *quote;
	const char *fatalities; /* a JSON number as text, or NULL for null */
};

/* A list: '[', then json_item before each item (i: items before it), then
 * json_close (n: items in all). The extra object is framed the same way. */
void json_item(FILE *f, enum json_layout l, int i);
void json_close(FILE *f, enum json_layout l, int n, char bracket);

void json_actor(FILE *f, enum json_layout l, const struct json_actor *a);
void json_source(FILE *f, enum json_layout l, const struct json_source *s);

/* The extra column (see extra_json.h): its pairs as an object; null when NULL;
 * a JSON string when it is not an object, so the output stays valid. */
void json_extra(FILE *f, enum json_layout l, const char *extra);

#endif
