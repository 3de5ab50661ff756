/* actor_sides: an event's actors as the sides of what happened, from the
 * event_actor table's roles. The timeline reads them as one line,
 * "Katiba Macina (JNIM) → FAMa": the first side (actor1), its associates
 * and claimants in brackets, an arrow, the second side (actor2, targets),
 * then the actors involved on no side after "; ". The detail view names
 * each role. */
#ifndef SITREP_ACTOR_SIDES_H
#define SITREP_ACTOR_SIDES_H

#include "sitrep/strbuf.h"

/* SQL over the alias e: the event's actors as one text, each name after
 * its role's code (ACTOR_SIDES_SEP between them), or NULL when it has
 * none. The codes: '1' actor1, '2' actor2, 'a' assoc, 'c' claimed,
 * 't' target, 'i' involved or any other role. */
#define ACTOR_SIDES_SEP '\x1f'
#define ACTOR_SIDES_SQL                                                                            \
	"(SELECT group_concat(c || name, char(31)) FROM (SELECT CASE ea.role"                      \
	" WHEN 'actor1' THEN '1' WHEN 'actor2' THEN '2' WHEN 'assoc' THEN 'a'"                     \
	" WHEN 'claimed' THEN 'c' WHEN 'target' THEN 't' ELSE 'i' END AS c, a.name AS name"        \
	" FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id"         \
	" ORDER BY c, a.name))"

/* coded (ACTOR_SIDES_SQL's text) as one line appended to out, arrow
 * between the sides ("→", or "->" on an ASCII terminal). A name is said
 * once, on its first side. coded NULL or empty: nothing appended. */
void actor_sides_format(const char *coded, const char *arrow, struct strbuf *out);

/* What a role of event_actor means, for a reader: "side 1, first actor",
 * "side 2, target", "claimed it", ...; an unknown role is returned as is. */
const char *actor_role_label(const char *role);

#endif
