/* actor_cache: a hash table of actor names (see actor_cache.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actor_cache.h"
#include "sitrep/util.h"

static size_t slot(const struct actor_cache_entry *slots, size_t cap, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	size_t i = h & (cap - 1);
	while (slots[i].name && strcmp(slots[i].name, name) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

const struct actor_cache_entry *actor_cache_get(const struct actor_cache *m, const char *name)
{
	if (!m->slots)
		return NULL;
	const struct actor_cache_entry *e = &m->slots[slot(m->slots, m->cap, name)];
	return e->name ? e : NULL;
}

const struct actor_cache_entry *actor_cache_put(struct actor_cache *m, const char *name,
						const char *canon, long long id)
{
	if (m->used * 2 >= m->cap) { /* at most half full: probes stay short */
		size_t cap = m->cap ? m->cap * 2 : 256;
		struct actor_cache_entry *slots = xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].name)
				slots[slot(slots, cap, m->slots[i].name)] = m->slots[i];
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	struct actor_cache_entry *e = &m->slots[slot(m->slots, m->cap, name)];
	e->name = xstrdup(name);
	e->canon = xstrdup(canon ? canon : name);
	e->id = id;
	m->used++;
	return e;
}

void actor_cache_clear(struct actor_cache *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slots[i].name);
		free(m->slots[i].canon);
	}
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
