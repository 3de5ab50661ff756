/* import_actors: ACLED actor names to actors and aliases (see import_actors.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/actor_aliases.h"
#include "sitrep/import.h"
#include "import_actors.h"
#include "sitrep/util.h"

static void add_alias(struct actor_forms *f, const char *s, size_t n)
{
	if (f->naliases < ACTOR_MAX_ALIASES && n > 0) {
		f->aliases[f->naliases] = s;
		f->alias_len[f->naliases++] = n;
	}
}

/* "JNIM" in "JNIM: Group for ...": short, one word, mostly capitals. */
static bool is_abbr(const char *s, size_t n)
{
	int caps = 0;
	if (n < 2 || n > 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			return false;
		caps += s[i] >= 'A' && s[i] <= 'Z';
	}
	return caps >= 2;
}

/* "(Platform)" at the end of a long form tells a faction apart and stays in
 * the canonical name ("MAA (Platform)"); "(2013-)", a period of the same
 * body, does not. Returns the qualifier's start, or NULL. */
static const char *qualifier(const char *s, size_t n)
{
	if (n < 3 || s[n - 1] != ')')
		return NULL;
	const char *open = NULL;
	for (size_t i = n - 1; i > 0; i--)
		if (s[i - 1] == '(') {
			open = s + i - 1;
			break;
		}
	if (!open || open == s || open[-1] != ' ')
		return NULL;
	if (open[1] >= '0' && open[1] <= '9')
		return NULL;
	return open;
}

int actor_forms(const char *raw, const char *country, struct actor_forms *f)
{
	size_t n = strlen(raw);
	f->naliases = 0;
	f->local = false;
	if (n == 0 || n >= sizeof(f->canon))
		return -1;
	const char *colon = strstr(raw, ": ");
	/* "JNIM: ... and/or Islamic State (Sahel)" names no one actor. */
	if (colon && is_abbr(raw, (size_t)(colon - raw)) && !strstr(raw, " and/or ")) {
		const char *longer = colon + 2;
		while (*longer == ' ')
			longer++;
		const char *q = qualifier(longer, strlen(longer));
		snprintf(f->canon, sizeof(f->canon), "%.*s%s%s", (int)(colon - raw), raw,
			 q ? " " : "", q ? q : "");
		add_alias(f, longer, strlen(longer));
		add_alias(f, raw, n);
		return 0;
	}
	/* Names the alias table knows (data/actor-aliases.txt): GSIM is JNIM. */
	const struct actor_alias_table *t = actor_aliases();
	const char *known = actor_aliases_canon(t, raw);
	if (known && strlen(known) < sizeof(f->canon)) {
		strcpy(f->canon, known);
		add_alias(f, raw, n);
		return 0;
	}
	known = actor_aliases_canon_in(t, raw, country);
	if (known && strlen(known) < sizeof(f->canon)) {
		strcpy(f->canon, known);
		f->local = true;
		return 0;
	}
	memcpy(f->canon, raw, n + 1);
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

int actor_count(const char *list)
{
	int n = 1;
	for (const char *p = list; (p = strchr(p, ';')); p++)
		n++;
	return n;
}

int actor_split(char *list, char **out, int max)
{
	int n = 0;
	char *p = list;
	while (p && n < max) {
		char *semi = strchr(p, ';');
		if (semi)
			*semi = '\0';
		char *name = trim(p);
		if (*name)
			out[n++] = name;
		p = semi ? semi + 1 : NULL;
	}
	return n;
}

/* ---- the cache: raw name -> canonical, open addressing. */

struct slot {
	char *raw;
	char *canon;
};

struct actor_cache {
	struct slot *slots;
	size_t cap, used;
};

struct actor_cache *actor_cache_new(void)
{
	struct actor_cache *c = xcalloc(1, sizeof(*c));
	c->cap = 256;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	return c;
}

void actor_cache_free(struct actor_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++) {
		free(c->slots[i].raw);
		free(c->slots[i].canon);
	}
	free(c->slots);
	free(c);
}

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static struct slot *lookup(struct actor_cache *c, const char *raw)
{
	size_t i = hash(raw) & (c->cap - 1);
	while (c->slots[i].raw && strcmp(c->slots[i].raw, raw) != 0)
		i = (i + 1) & (c->cap - 1);
	return &c->slots[i];
}

static void grow(struct actor_cache *c)
{
	struct slot *old = c->slots;
	size_t oldcap = c->cap;
	c->cap *= 2;
	c->slots = xcalloc(c->cap, sizeof(*c->slots));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].raw)
			*lookup(c, old[i].raw) = old[i];
	free(old);
}

const char *actor_cache_name(struct actor_cache *c, struct import_ctx *ctx, const char *raw,
			     const char *country)
{
	/* A name that means one actor in some countries and another elsewhere
	 * is cached per country ("IS\x1fMali"); others once for all. */
	char *key = NULL;
	if (actor_aliases_local(actor_aliases(), raw))
		key = xasprintf("%s\x1f%s", raw, country ? country : "");
	struct slot *sl = lookup(c, key ? key : raw);
	if (sl->raw) {
		free(key);
		return sl->canon;
	}
	struct actor_forms f;
	if (actor_forms(raw, country, &f) < 0) {
		free(key);
		return raw; /* too long for a known form: the name as it is */
	}
	for (int i = 0; i < f.naliases; i++) {
		char *alias = xstrndup(f.aliases[i], f.alias_len[i]);
		/* An alias that already names another actor stays with it: the
		 * data set's curated actors win over an export's wording. */
		import_alias(ctx, f.canon, alias);
		free(alias);
	}
	/* And every name the alias table gives that actor, so that actor:GSIM
	 * finds JNIM in a file that only ever writes "JNIM: ...". */
	const struct actor_alias_table *t = actor_aliases();
	for (size_t i = 0; i < t->n; i++)
		if (!t->v[i].only && strcmp(t->v[i].canon, f.canon) == 0)
			import_alias(ctx, f.canon, t->v[i].alias);
	if (c->used * 2 >= c->cap) {
		grow(c);
		sl = lookup(c, key ? key : raw);
	}
	sl->raw = key ? key : xstrdup(raw);
	sl->canon = xstrdup(f.canon);
	c->used++;
	return sl->canon;
}
