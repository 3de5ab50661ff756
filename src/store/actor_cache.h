/* actor_cache: actor names met in an import's transaction -> the actor's id
 * and own name, so the events of a big file do not look the same names up
 * in the database again and again. An open-addressing hash table. */
#ifndef SITREP_ACTOR_CACHE_H
#define SITREP_ACTOR_CACHE_H

#include <stddef.h>

struct actor_cache_entry {
	char *name;  /* as the importer gave it; NULL for a free slot */
	char *canon; /* the actor's own name */
	long long id;
};

struct actor_cache {
	struct actor_cache_entry *slots;
	size_t cap, used;
};

/* NULL when name was not met. */
const struct actor_cache_entry *actor_cache_get(const struct actor_cache *m, const char *name);
/* Remember name (not already there) as actor id, own name canon (NULL:
 * name itself). The entry, valid until the next put or clear. */
const struct actor_cache_entry *actor_cache_put(struct actor_cache *m, const char *name,
						const char *canon, long long id);
/* Forget everything and free the table. */
void actor_cache_clear(struct actor_cache *m);

#endif
