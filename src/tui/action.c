/* The action table, expanded into lookup arrays, and the man page's KEYS. */
#include <string.h>

#include "sitrep/action.h"
#include "sitrep/keymap.h"

struct action_info {
	const char *name, *keys, *group, *help;
};

static const struct action_info actions[ACTION_COUNT] = {[ACT_NONE] = {"none", "", "", ""},
#define ACTION_INFO_(id, n, k, g, h) [ACT_##id] = {n, k, g, h},
							 ACTION_TABLE(ACTION_INFO_)
#undef ACTION_INFO_
};

static const struct action_info *info(enum action a)
{
	return &actions[(unsigned)a < ACTION_COUNT ? a : ACT_NONE];
}

const char *action_name(enum action a)
{
	return info(a)->name;
}
const char *action_keys(enum action a)
{
	return info(a)->keys;
}
const char *action_group(enum action a)
{
	return info(a)->group;
}
const char *action_help(enum action a)
{
	return info(a)->help;
}

enum action action_lookup(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return a;
	return ACT_NONE;
}

/* man(7) needs a backslash before a leading dot or apostrophe and any backslash. */
static void man_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			sb_add(out, "\\e");
		else if (*s == '-')
			sb_add(out, "\\-");
		else
			sb_addc(out, *s);
	}
}

void action_man_keys(struct strbuf *out)
{
	const char *group = "";
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		if (strcmp(group, actions[a].group) != 0) {
			group = actions[a].group;
			sb_add(out, ".SS ");
			man_escape(out, group);
			sb_addc(out, '\n');
		}
		char keys[128];
		keymap_describe(actions[a].keys, keys, sizeof keys);
		sb_add(out, ".TP\n\\fB");
		man_escape(out, keys);
		sb_add(out, "\\fR (");
		man_escape(out, actions[a].name);
		sb_add(out, ")\n");
		man_escape(out, actions[a].help);
		sb_add(out, ".\n");
	}
}
