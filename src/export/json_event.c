/* json_event: the JSON shapes show and export share (see json_event.h). */
#include "config.h"

#include "sitrep/json_event.h"

#include "sitrep/extra_json.h"
#include "sitrep/tabular.h"

/* A key and its colon. */
static void key(FILE *f, enum json_layout l, const char *k)
{
	out_json_string(f, k);
	fputs(l == JSON_INDENTED ? ": " : ":", f);
}

/* A member of an object written on one line; the first has no comma. */
static void member(FILE *f, enum json_layout l, bool first, const char *k)
{
	if (!first)
		fputs(l == JSON_INDENTED ? ", " : ",", f);
	key(f, l, k);
}

void json_item(FILE *f, enum json_layout l, int i)
{
	if (l == JSON_INDENTED)
		fputs(i ? ",\n    " : "\n    ", f);
	else if (i)
		fputc(',', f);
}

void json_close(FILE *f, enum json_layout l, int n, char bracket)
{
	/* An empty one stays on its line: "[]", "{}". */
	if (l == JSON_INDENTED && n)
		fputs("\n  ", f);
	fputc(bracket, f);
}

void json_actor(FILE *f, enum json_layout l, const struct json_actor *a)
{
	fputc('{', f);
	if (a->detailed) {
		member(f, l, true, "id");
		fprintf(f, "%lld", a->id);
	}
	member(f, l, !a->detailed, "name");
	out_json_string(f, a->name);
	if (a->detailed) {
		member(f, l, false, "kind");
		out_json_string(f, a->kind);
	}
	member(f, l, false, "role");
	out_json_string(f, a->role);
	if (a->detailed) {
		member(f, l, false, "parent");
		out_json_string(f, a->parent);
	}
	fputc('}', f);
}

void json_source(FILE *f, enum json_layout l, const struct json_source *s)
{
	fputc('{', f);
	member(f, l, true, "title");
	out_json_string(f, s->title);
	member(f, l, false, "publisher");
	out_json_string(f, s->publisher);
	member(f, l, false, "url");
	out_json_string(f, s->url);
	member(f, l, false, "published");
	out_json_string(f, s->published);
	member(f, l, false, "quote");
	out_json_string(f, s->quote);
	member(f, l, false, "fatalities");
	fputs(s->fatalities ? s->fatalities : "null", f);
	fputc('}', f);
}

void json_extra(FILE *f, enum json_layout l, const char *extra)
{
	struct extra_field *x;
	int nx = extra ? extra_parse(extra, &x) : -1;
	if (nx < 0) {
		out_json_string(f, extra); /* null, or text that is not an object */
		return;
	}
	/* The object written again, not copied: always valid JSON. */
	fputc('{', f);
	for (int i = 0; i < nx; i++) {
		json_item(f, l, i);
		key(f, l, x[i].key);
		out_json_string(f, x[i].value);
	}
	json_close(f, l, nx, '}');
	extra_free(x, nx);
}
