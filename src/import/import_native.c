/* import_native: the sitrep text format of data/README.md. A record is a
 * run of "key: value" lines after an @TYPE line; indented lines continue a
 * value. Unknown keys are errors, so a typo never silently drops a fact. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/extra_json.h"
#include "sitrep/import.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_reader.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

#define NATIVE_MAGIC "# sitrep-data 1"
/* The longest line read, as the CSV reader's record: getline would grow
 * its buffer to any size (a 100 MB line cost 200 MB before it was refused). */
#define NATIVE_MAX_LINE (64u * 1024 * 1024)

struct field {
	char *key;
	struct strbuf value;
	unsigned long line;
};

struct native_record {
	char type[16]; /* "meta", "actor", "event", or "" between records */
	unsigned long line;
	struct field *fields;
	int n, cap;
};

static void record_clear(struct native_record *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->fields[i].key);
		sb_free(&r->fields[i].value);
	}
	r->n = 0;
	r->type[0] = '\0';
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static const char *get(const struct native_record *r, const char *key)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->fields[i].key, key) == 0)
			return sb_str(&r->fields[i].value);
	return NULL;
}

static bool known_key(const char *const *keys, const char *key)
{
	for (; *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return true;
	return false;
}

static int check_keys(struct import_ctx *ctx, const struct native_record *r,
		      const char *const *keys)
{
	for (int i = 0; i < r->n; i++)
		if (!known_key(keys, r->fields[i].key))
			return import_bad(ctx, r->fields[i].line, "unknown key '%s' in @%s",
					  r->fields[i].key, r->type) < 0
				   ? -1
				   : 1;
	return 0;
}

static int parse_count(const char *s, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int do_meta(struct import_ctx *ctx, const struct native_record *r)
{
	for (int i = 0; i < r->n; i++) {
		char *err = NULL;
		if (store_meta(ctx->store, r->fields[i].key, sb_str(&r->fields[i].value), &err) <
		    0) {
			fprintf(ctx->msg, "%s:%lu: %s\n", ctx->file, r->fields[i].line, err);
			free(err);
			ctx->failed = true;
			return -1;
		}
	}
	ctx->stats.other++;
	return 0;
}

static int do_actor(struct import_ctx *ctx, const struct native_record *r)
{
	static const char *const keys[] = {"name", "kind", "parent", "alias", "description", NULL};
	int rc = check_keys(ctx, r, keys);
	if (rc)
		return rc < 0 ? -1 : 0;
	const char *name = get(r, "name");
	if (!name || !*name)
		return import_bad(ctx, r->line, "@actor without a name");
	char *err = NULL;
	if (store_actor(ctx->store, name, get(r, "kind"), get(r, "parent"), get(r, "description"),
			&err) < 0)
		goto bad;
	for (int i = 0; i < r->n; i++) {
		if (strcmp(r->fields[i].key, "alias") != 0)
			continue;
		if (store_alias(ctx->store, name, sb_str(&r->fields[i].value), &err) < 0) {
			rc = import_bad(ctx, r->fields[i].line, "%s", err);
			free(err);
			return rc;
		}
	}
	ctx->stats.other++;
	return 0;
bad:
	rc = import_bad(ctx, r->line, "%s", err);
	free(err);
	return rc;
}

static const char *const roles[] = {"actor1", "actor2",   "assoc", "claimed",
				    "target", "involved", NULL};

static const char *const event_keys[] = {"id",
					 "origin",
					 "kind",
					 "date",
					 "title",
					 "description",
					 "type",
					 "sub-type",
					 "location",
					 "admin1",
					 "admin2",
					 "country",
					 "coords",
					 "geo-precision",
					 "fatalities",
					 "fatalities-low",
					 "fatalities-high",
					 "fatalities-note",
					 "source",
					 "source-publisher",
					 "source-url",
					 "source-published",
					 "source-quote",
					 "source-fatalities",
					 "actor1",
					 "actor2",
					 "assoc",
					 "claimed",
					 "target",
					 "involved",
					 "extra",
					 NULL};

/* Fields of one source; "source" itself starts a new one. */
static int source_field(struct import_ctx *ctx, const struct field *f, struct source_in *s)
{
	const char *v = sb_str(&f->value);
	const char *k = f->key + strlen("source-");
	if (strcmp(k, "publisher") == 0)
		s->publisher = v;
	else if (strcmp(k, "url") == 0)
		s->url = v;
	else if (strcmp(k, "published") == 0)
		s->published = v;
	else if (strcmp(k, "quote") == 0)
		s->quote = v;
	else if (parse_count(v, &s->fatalities) < 0)
		return import_bad(ctx, f->line, "source-fatalities is not a whole number: '%s'",
				  v) < 0
			   ? -1
			   : 1;
	return 0;
}

static int event_numbers(struct import_ctx *ctx, const struct native_record *r, struct event_in *e)
{
	struct {
		const char *key;
		long long *out;
	} nums[] = {{"fatalities", &e->fatalities},
		    {"fatalities-low", &e->fatalities_low},
		    {"fatalities-high", &e->fatalities_high}};
	for (size_t i = 0; i < ARRAY_SIZE(nums); i++) {
		const char *v = get(r, nums[i].key);
		if (v && parse_count(v, nums[i].out) < 0)
			return import_bad(ctx, r->line, "%s is not a whole number: '%s'",
					  nums[i].key, v) < 0
				   ? -1
				   : 1;
	}
	const char *gp = get(r, "geo-precision");
	long long g;
	if (gp) {
		if (parse_count(gp, &g) < 0 || g < 1 || g > 3)
			return import_bad(ctx, r->line, "geo-precision must be 1, 2 or 3") < 0 ? -1
											       : 1;
		e->geo_precision = (int)g;
	}
	const char *c = get(r, "coords");
	if (c) {
		char *end;
		e->lat = strtod(c, &end);
		while (*end == ' ')
			end++;
		if (*end++ != ',')
			return import_bad(ctx, r->line, "coords must be 'lat, lon': '%s'", c) < 0
				   ? -1
				   : 1;
		char *end2;
		e->lon = strtod(end, &end2);
		if (end2 == end || *trim(end2))
			return import_bad(ctx, r->line, "coords must be 'lat, lon': '%s'", c) < 0
				   ? -1
				   : 1;
		e->has_coords = true;
	}
	return 0;
}

static int do_event(struct import_ctx *ctx, const struct native_record *r)
{
	int rc = check_keys(ctx, r, event_keys);
	if (rc)
		return rc < 0 ? -1 : 0;
	ctx->stats.read++;
	struct event_in e;
	event_in_init(&e);
	e.origin = get(r, "origin") ? get(r, "origin") : "sitrep";
	e.origin_id = get(r, "id");
	e.kind = get(r, "kind");
	e.title = get(r, "title");
	e.description = get(r, "description");
	e.event_type = get(r, "type");
	e.sub_event_type = get(r, "sub-type");
	e.location = get(r, "location");
	e.admin1 = get(r, "admin1");
	e.admin2 = get(r, "admin2");
	e.country = get(r, "country");
	e.fatalities_note = get(r, "fatalities-note");
	const char *date = get(r, "date");
	if (!date || date_parse_iso(date, &e.date) < 0)
		return import_bad(ctx, r->line, "missing or invalid date: '%s'", date ? date : "");
	if ((rc = event_numbers(ctx, r, &e)) != 0)
		return rc < 0 ? -1 : 0;
	/* extra: a JSON object of text values, stored in one canonical form. */
	struct strbuf extra = STRBUF_INIT;
	const char *x = get(r, "extra");
	if (x) {
		struct extra_field *f;
		int n = extra_parse(x, &f);
		if (n < 0)
			return import_bad(ctx, r->line,
					  "extra must be a JSON object of strings: '%s'", x) < 0
				   ? -1
				   : 0;
		for (int i = 0; i < n; i++)
			extra_add(&extra, f[i].key, strlen(f[i].key), f[i].value,
				  strlen(f[i].value));
		extra_end(&extra);
		extra_free(f, n);
		e.extra = extra.len ? sb_str(&extra) : NULL;
	}

	struct actor_in *actors = xcalloc((size_t)r->n, sizeof(*actors));
	struct source_in *sources = xcalloc((size_t)r->n, sizeof(*sources));
	for (int i = 0; i < r->n && rc == 0; i++) {
		const struct field *f = &r->fields[i];
		if (known_key(roles, f->key)) {
			actors[e.nactors].name = sb_str(&f->value);
			actors[e.nactors++].role = f->key;
		} else if (strcmp(f->key, "source") == 0) {
			sources[e.nsources].title = sb_str(&f->value);
			sources[e.nsources++].fatalities = -1;
		} else if (strncmp(f->key, "source-", 7) == 0) {
			if (e.nsources == 0)
				rc = import_bad(ctx, f->line, "%s before any 'source'", f->key) < 0
					 ? -1
					 : 1;
			else
				rc = source_field(ctx, f, &sources[e.nsources - 1]);
		}
	}
	if (rc == 0) {
		e.actors = actors;
		e.sources = sources;
		enum store_result res;
		char *err = NULL;
		int size = import_size_check(ctx, &e, r->line);
		if (size != 0) {
			rc = size;
		} else if (store_event(ctx->store, &e, &res, &err) < 0) {
			rc = import_bad(ctx, r->line, "%s", err) < 0 ? -1 : 1;
			free(err);
		} else {
			import_count(ctx, res);
		}
	}
	free(actors);
	free(sources);
	sb_free(&extra);
	return rc < 0 ? -1 : 0;
}

static int flush(struct import_ctx *ctx, struct native_record *r)
{
	int rc = 0;
	if (strcmp(r->type, "meta") == 0)
		rc = do_meta(ctx, r);
	else if (strcmp(r->type, "actor") == 0)
		rc = do_actor(ctx, r);
	else if (strcmp(r->type, "event") == 0)
		rc = do_event(ctx, r);
	record_clear(r);
	return rc;
}

static int add_field(struct import_ctx *ctx, struct native_record *r, char *line,
		     unsigned long lineno)
{
	char *colon = strchr(line, ':');
	if (!colon)
		return import_bad(ctx, lineno, "expected 'key: value'");
	*colon = '\0';
	char *key = trim(line);
	for (char *k = key; *k; k++)
		if (!islower((unsigned char)*k) && *k != '-' && !isdigit((unsigned char)*k))
			return import_bad(ctx, lineno, "bad key '%s'", key);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = xrealloc(r->fields, (size_t)r->cap * sizeof(*r->fields));
	}
	struct field *f = &r->fields[r->n++];
	f->key = xstrdup(key);
	f->line = lineno;
	sb_init(&f->value);
	sb_add(&f->value, trim(colon + 1));
	return 0;
}

static int parse_line(struct import_ctx *ctx, struct native_record *r, char *line,
		      unsigned long lineno)
{
	if (line[0] == '#')
		return 0;
	if (*trim(line) == '\0')
		return r->type[0] ? flush(ctx, r) : 0;
	if (line[0] == '@') {
		if (r->type[0] && flush(ctx, r) < 0)
			return -1;
		char *type = trim(line + 1);
		if (strcmp(type, "meta") != 0 && strcmp(type, "actor") != 0 &&
		    strcmp(type, "event") != 0) {
			int rc = import_bad(ctx, lineno, "unknown record type '@%s'", type);
			snprintf(r->type, sizeof(r->type), "skip");
			return rc;
		}
		snprintf(r->type, sizeof(r->type), "%s", type);
		r->line = lineno;
		return 0;
	}
	if (!r->type[0])
		return import_bad(ctx, lineno,
				  "text outside a record (a record starts with @event, "
				  "@actor or @meta)");
	if (strcmp(r->type, "skip") == 0)
		return 0;
	if (line[0] == ' ' || line[0] == '\t') {
		if (r->n == 0)
			return import_bad(ctx, lineno,
					  "continuation line with nothing to continue");
		struct strbuf *v = &r->fields[r->n - 1].value;
		const char *t = trim(line);
		if (*t == '|') { /* a line break of the value, kept (export_native) */
			sb_addc(v, '\n');
			sb_add(v, t + 1);
		} else {
			sb_addc(v, ' ');
			sb_add(v, t);
		}
		return 0;
	}
	return add_field(ctx, r, line, lineno);
}

/* The next line of in into *line (grown as getline grows it), its length
 * with the newline; -1 at the end or on a read error; -2 when it is longer
 * than NATIVE_MAX_LINE, the rest left unread. */
static ssize_t read_line(FILE *in, char **line, size_t *cap)
{
	size_t len = 0;
	int c;
	while ((c = getc_unlocked(in)) != EOF) {
		if (len + 2 > *cap) {
			if (len + 2 > NATIVE_MAX_LINE)
				return -2;
			*cap = *cap ? *cap * 2 : 256;
			*line = xrealloc(*line, *cap);
		}
		(*line)[len++] = (char)c;
		if (c == '\n')
			break;
	}
	if (len == 0)
		return -1;
	(*line)[len] = '\0';
	return (ssize_t)len;
}

int import_native(struct import_ctx *ctx, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	struct native_record r = {0};
	int rc = 0;
	while (rc == 0 && (len = read_line(in, &line, &cap)) != -1) {
		lineno++;
		if (len == -2) {
			fprintf(ctx->msg, "%s:%lu: line longer than %u MiB (binary data?)\n",
				ctx->file, lineno, NATIVE_MAX_LINE >> 20);
			rc = -1;
			break;
		}
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (lineno == 1 && strncmp(line, NATIVE_MAGIC, strlen(NATIVE_MAGIC)) != 0) {
			fprintf(ctx->msg, "%s:1: not a sitrep text file (expected '%s')\n",
				ctx->file, NATIVE_MAGIC);
			ctx->failed = true;
			rc = -1;
			break;
		}
		rc = parse_line(ctx, &r, line, lineno);
	}
	if (rc == 0 && r.type[0])
		rc = flush(ctx, &r);
	if (rc == 0 && ferror(in)) {
		fprintf(ctx->msg, "%s: read error: %s\n", ctx->file, strerror(errno));
		rc = -1;
	}
	record_clear(&r);
	free(r.fields);
	free(line);
	if (rc < 0)
		ctx->failed = true;
	return rc;
}

static bool detect(const struct import_probe *p, char *layout, size_t n)
{
	if (!import_is_native(p->head, p->nhead))
		return false;
	snprintf(layout, n, "sitrep text");
	return true;
}

static int run(struct import_ctx *ctx, struct import_source *src)
{
	return import_native(ctx, src->f);
}

const struct import_reader import_reader_native = {
    .name = "native",
    .help = "the sitrep text format (a file starting \"# sitrep-data\")",
    .detect = detect,
    .run = run,
};
