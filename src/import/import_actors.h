/* import_actors: actor names as ACLED writes them, made into one actor
 * each. "JNIM: Group for Support of Islam and Muslims" is the actor JNIM
 * with the long forms as aliases; known other names (GSIM) join the same
 * actor; semicolon lists are split. The cache registers each distinct
 * name's aliases with the store once per file. */
#ifndef SITREP_IMPORT_ACTORS_H
#define SITREP_IMPORT_ACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/store.h"

#define ACTOR_MAX_ALIASES 4

struct actor_forms {
	char canon[128];
	const char *aliases[ACTOR_MAX_ALIASES]; /* into the raw name or static */
	size_t alias_len[ACTOR_MAX_ALIASES];
	int naliases;
	bool local; /* canon from an alias that holds in the event's country alone */
};

/* The canonical name and other names of raw (trimmed), for an event in
 * country (NULL: not known). Pure. Returns 0, or -1 when raw is empty or
 * too long to be a name. A name whose alias holds in some countries alone
 * (UCDP's "IS" is ISGS in the Sahel) becomes that actor there, with no
 * alias registered: elsewhere the name stays another actor's. */
int actor_forms(const char *raw, const char *country, struct actor_forms *f);

/* Split a "a; b;c" list in place into at most max trimmed, non-empty
 * names. Returns the count. */
int actor_split(char *list, char **out, int max);
/* The most names actor_split can find in list (its entries, empty or not). */
int actor_count(const char *list);

struct actor_cache;
struct actor_cache *actor_cache_new(void);
void actor_cache_free(struct actor_cache *c);
/* raw's canonical name for an event in country (NULL: not known), valid
 * while c lives, its aliases registered (import_alias) the first time raw
 * is met. */
struct import_ctx;
const char *actor_cache_name(struct actor_cache *c, struct import_ctx *ctx, const char *raw,
			     const char *country);

#endif
