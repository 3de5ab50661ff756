/* import_actors: actor names as ACLED writes them, made into one actor
 * each. "JNIM: Group for Support of Islam and Muslims" is the actor JNIM
 * with the long forms as aliases; known other names (GSIM) join the same
 * actor; semicolon lists are split. The cache registers each distinct
 * name's aliases with the store once per file. */
#ifndef SITREP_IMPORT_ACTORS_H
#define SITREP_IMPORT_ACTORS_H

#include <stddef.h>

#include "sitrep/store.h"

#define ACTOR_MAX_ALIASES 4

struct actor_forms {
	char canon[128];
	const char *aliases[ACTOR_MAX_ALIASES]; /* into the raw name or static */
	size_t alias_len[ACTOR_MAX_ALIASES];
	int naliases;
};

/* The canonical name and other names of raw (trimmed). Pure. Returns 0, or
 * -1 when raw is empty or too long to be a name. */
int actor_forms(const char *raw, struct actor_forms *f);

/* Split a "a; b;c" list in place into at most max trimmed, non-empty
 * names. Returns the count. */
int actor_split(char *list, char **out, int max);
/* The most names actor_split can find in list (its entries, empty or not). */
int actor_count(const char *list);

struct actor_cache;
struct actor_cache *actor_cache_new(void);
void actor_cache_free(struct actor_cache *c);
/* raw's canonical name (valid while c lives), its aliases registered
 * (import_alias) the first time raw is met. */
struct import_ctx;
const char *actor_cache_name(struct actor_cache *c, struct import_ctx *ctx, const char *raw);

#endif
