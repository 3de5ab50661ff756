/* actor_sides: an event's actors read as sides (see actor_sides.h). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_sides.h"
#include "sitrep/util.h"

/* The parts of the line, in the order they are written; a role's names
 * go to the first part that lists its code. */
enum part { PART_SIDE1, PART_BRACKET, PART_SIDE2, PART_OTHER, PART_COUNT };

static enum part part_of(char code)
{
	switch (code) {
	case '1':
		return PART_SIDE1;
	case 'a':
	case 'c':
		return PART_BRACKET;
	case '2':
	case 't':
		return PART_SIDE2;
	default:
		return PART_OTHER;
	}
}

struct name {
	const char *s;
	size_t len;
	enum part part;
};

/* Whether names[0..n) already holds the name (s, len). */
static bool said(const struct name *names, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (names[i].len == len && memcmp(names[i].s, s, len) == 0)
			return true;
	return false;
}

static void add_part(struct strbuf *out, const struct name *names, size_t n, enum part p)
{
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (names[i].part != p)
			continue;
		if (!first)
			sb_add(out, ", ");
		sb_addn(out, names[i].s, names[i].len);
		first = false;
	}
}

static bool has_part(const struct name *names, size_t n, enum part p)
{
	for (size_t i = 0; i < n; i++)
		if (names[i].part == p)
			return true;
	return false;
}

void actor_sides_format(const char *coded, const char *arrow, struct strbuf *out)
{
	if (!coded || !*coded)
		return;
	size_t cap = 1;
	for (const char *p = coded; *p; p++)
		cap += *p == ACTOR_SIDES_SEP;
	struct name *names = xcalloc(cap, sizeof *names);
	size_t n = 0;
	/* parts in their order: a name on side 1 that also claimed the event
	 * is said on side 1 alone */
	for (enum part want = 0; want < PART_COUNT; want++) {
		for (const char *p = coded; *p;) {
			size_t len = strcspn(p, (char[]){ACTOR_SIDES_SEP, '\0'});
			if (len > 1 && part_of(p[0]) == want && !said(names, n, p + 1, len - 1))
				names[n++] = (struct name){p + 1, len - 1, want};
			p += len + (p[len] != '\0');
		}
	}
	size_t start = out->len;
	add_part(out, names, n, PART_SIDE1);
	if (has_part(names, n, PART_BRACKET)) {
		sb_add(out, out->len > start ? " (" : "(");
		add_part(out, names, n, PART_BRACKET);
		sb_addc(out, ')');
	}
	if (has_part(names, n, PART_SIDE2)) {
		if (out->len > start)
			sb_addc(out, ' ');
		sb_add(out, arrow);
		sb_addc(out, ' ');
		add_part(out, names, n, PART_SIDE2);
	}
	if (has_part(names, n, PART_OTHER)) {
		if (out->len > start)
			sb_add(out, "; ");
		add_part(out, names, n, PART_OTHER);
	}
	free(names);
}

const char *actor_role_label(const char *role)
{
	static const struct {
		const char *role, *label;
	} labels[] = {
	    {"actor1", "side 1, first actor"}, {"assoc", "associated actor"},
	    {"claimed", "claimed it"},         {"actor2", "side 2, second actor"},
	    {"target", "side 2, target"},      {"involved", "involved, on no side"},
	};
	for (size_t i = 0; role && i < ARRAY_SIZE(labels); i++)
		if (strcmp(role, labels[i].role) == 0)
			return labels[i].label;
	return role ? role : "?";
}
