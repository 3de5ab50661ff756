/* actor_aliases: the table of names data sets give one actor
 * (data/actor-aliases.txt, compiled in), which every import applies.
 * Pure: no SQLite. */
#ifndef SITREP_ACTOR_ALIASES_H
#define SITREP_ACTOR_ALIASES_H

#include <stdbool.h>
#include <stddef.h>

struct actor_alias_entry {
	char *canon; /* the actor's name */
	char *alias; /* another name of it */
	bool only;   /* holds only in a region or period */
	/* The countries where an only: alias holds ("Mali; Niger"), from its
	 * in: line: it is applied to those countries' events alone. NULL:
	 * an only: alias is not applied at all. */
	char *countries;
};

struct actor_alias_table {
	struct actor_alias_entry *v;
	size_t n;
};

/* The text of data/actor-aliases.txt, as built in. */
extern const char sitrep_actor_aliases_txt[];

/* Parse text in the file's format into *t. 0, or -1 with *err ("line N:
 * ...", caller frees) when a line is not of the format or an alias has no
 * source. */
int actor_aliases_parse(const char *text, struct actor_alias_table *t, char **err);
void actor_aliases_free(struct actor_alias_table *t);
/* The built-in table, parsed on first use (thread-safe); never NULL. */
const struct actor_alias_table *actor_aliases(void);
/* The actor name is an alias of (ASCII case ignored; aliases with only:
 * left out), or NULL. */
const char *actor_aliases_canon(const struct actor_alias_table *t, const char *name);
/* The same for an event in country (may be NULL): an alias that holds in
 * that country alone (in:) counts too. */
const char *actor_aliases_canon_in(const struct actor_alias_table *t, const char *name,
				   const char *country);
/* Some alias of that name holds in some countries alone: what name means
 * depends on the event's country. */
bool actor_aliases_local(const struct actor_alias_table *t, const char *name);

#endif
