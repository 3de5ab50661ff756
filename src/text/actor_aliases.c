/* actor_aliases: the alias table's format (see actor_aliases.h and
 * data/actor-aliases.txt). */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/actor_aliases.h"
#include "sitrep/util.h"

/* The value after "key:" at s (spaces skipped), or NULL. */
static const char *value_of(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key);
	if (n <= k || strncmp(s, key, k) != 0 || s[k] != ':')
		return NULL;
	s += k + 1;
	while (*s == ' ')
		s++;
	return s;
}

static char *line_value(const char *v, const char *end)
{
	while (end > v && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

static int fail(char **err, int line, const char *what)
{
	*err = xasprintf("line %d: %s", line, what);
	return -1;
}

int actor_aliases_parse(const char *text, struct actor_alias_table *t, char **err)
{
	char *canon = NULL;
	bool sourced = true; /* the last alias has its source: */
	int line = 0, alias_line = 0, rc = 0;

	*t = (struct actor_alias_table){0};
	*err = NULL;
	for (const char *p = text; rc == 0 && *p;) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		size_t n = (size_t)(end - p);
		const char *v;
		line++;
		bool indented = n && (*p == ' ' || *p == '\t');
		const char *s = p;
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		size_t sn = (size_t)(end - s);
		if (sn == 0 || *s == '#') {
			if (sn == 0 && !indented) { /* a blank line ends a record */
				free(canon);
				canon = NULL;
			}
		} else if (indented) {
			if ((v = value_of(s, sn, "source")) && *v && t->n)
				sourced = true;
			else if (value_of(s, sn, "only") && t->n)
				t->v[t->n - 1].only = true;
			else if ((v = value_of(s, sn, "in")) && *v && t->n) {
				/* in: says where an only: holds: without one it
				 * would widen nothing and mislead the reader */
				if (!t->v[t->n - 1].only)
					rc = fail(err, line, "'in:' with no 'only:' before it");
				free(t->v[t->n - 1].countries);
				t->v[t->n - 1].countries = line_value(v, end);
			}
			/* else: a value's continuation */
		} else if ((v = value_of(s, sn, "actor")) && *v) {
			if (!sourced)
				rc = fail(err, alias_line, "an alias with no source");
			free(canon);
			canon = line_value(v, end);
		} else if ((v = value_of(s, sn, "alias")) && *v) {
			if (!canon)
				rc = fail(err, line, "an alias before any actor");
			else if (!sourced)
				rc = fail(err, alias_line, "an alias with no source");
			else {
				t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
				t->v[t->n++] = (struct actor_alias_entry){
				    xstrdup(canon), line_value(v, end), false, NULL};
				sourced = false;
				alias_line = line;
			}
		} else {
			rc = fail(
			    err, line,
			    "not 'actor:', 'alias:' or an indented 'source:', 'only:' or 'in:'");
		}
		p = *end ? end + 1 : end;
	}
	if (rc == 0 && !sourced)
		rc = fail(err, alias_line, "an alias with no source");
	free(canon);
	if (rc < 0)
		actor_aliases_free(t);
	return rc;
}

void actor_aliases_free(struct actor_alias_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].canon);
		free(t->v[i].alias);
		free(t->v[i].countries);
	}
	free(t->v);
	*t = (struct actor_alias_table){0};
}

static struct actor_alias_table builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void parse_builtin(void)
{
	char *err = NULL;
	/* tests/unit/test_actor_aliases checks the shipped file parses; were
	 * it broken, imports would run without it rather than not at all. */
	if (actor_aliases_parse(sitrep_actor_aliases_txt, &builtin, &err) < 0) {
		fprintf(stderr, "sitrep: data/actor-aliases.txt: %s\n", err);
		free(err);
	}
}

const struct actor_alias_table *actor_aliases(void)
{
	pthread_once(&builtin_once, parse_builtin);
	return &builtin;
}

const char *actor_aliases_canon(const struct actor_alias_table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (!t->v[i].only && strcasecmp(t->v[i].alias, name) == 0)
			return t->v[i].canon;
	return NULL;
}

/* country is one of list's "; "-separated names (ASCII case ignored). */
static bool listed(const char *list, const char *country)
{
	size_t n = strlen(country);
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = p + strcspn(p, ";");
		const char *e = end;
		while (e > p && e[-1] == ' ')
			e--;
		if ((size_t)(e - p) == n && n && strncasecmp(p, country, n) == 0)
			return true;
		p = end;
	}
	return false;
}

bool actor_aliases_local(const struct actor_alias_table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].countries && strcasecmp(t->v[i].alias, name) == 0)
			return true;
	return false;
}

const char *actor_aliases_canon_in(const struct actor_alias_table *t, const char *name,
				   const char *country)
{
	const char *canon = actor_aliases_canon(t, name);
	if (canon || !country)
		return canon;
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].countries && strcasecmp(t->v[i].alias, name) == 0 &&
		    listed(t->v[i].countries, country))
			return t->v[i].canon;
	return NULL;
}
