/* extra_json: the event column `extra`, every source column an importer does not
 * map to a schema column, as a flat JSON object: keys are the header names
 * as written, values the text as read ({"inter1":"2","tags":"..."}). The
 * importers build it, the native reader checks it, export and show read
 * it. */
#ifndef SITREP_EXTRA_H
#define SITREP_EXTRA_H

#include <stddef.h>

#include "sitrep/strbuf.h"

/* Append "key":"value" to the object being built in sb (opened on the
 * first pair); extra_end closes it. An sb with no pair stays empty. */
void extra_add(struct strbuf *sb, const char *key, size_t klen, const char *val, size_t vlen);
void extra_end(struct strbuf *sb);

struct extra_field {
	char *key, *value;
};

/* Parse a flat object of string values. Returns the number of pairs with
 * *out (free with extra_free), or -1 when json is not such an object. */
int extra_parse(const char *json, struct extra_field **out);
void extra_free(struct extra_field *f, int n);

/* The value of key (ASCII case ignored) in the object json, a fresh string,
 * or NULL when json is NULL, not an object, or has no such key. */
char *extra_get(const char *json, const char *key);

#endif
