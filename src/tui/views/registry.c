/* registry: every view by id (VIEW_TABLE in view.h), for ":view NAME", the
 * config file's "view =", the help and the status line. */
#include "config.h"

#include <string.h>

#include "sitrep/view.h"

const struct view_ops *const view_registry[VIEW_COUNT] = {
#define VIEW_OPS_(id, name, help) [VIEW_##id] = &name##_view_ops,
    VIEW_TABLE(VIEW_OPS_)
#undef VIEW_OPS_
};

const char *const view_help[VIEW_COUNT] = {
#define VIEW_HELP_(id, name, help) [VIEW_##id] = help,
    VIEW_TABLE(VIEW_HELP_)
#undef VIEW_HELP_
};

const struct view_ops *view_lookup(const char *name)
{
	for (int i = 0; i < VIEW_COUNT; i++)
		if (strcmp(view_registry[i]->name, name) == 0)
			return view_registry[i];
	return NULL;
}

enum view_id view_id_of(const struct view_ops *ops)
{
	for (int i = 0; i < VIEW_COUNT; i++)
		if (view_registry[i] == ops)
			return (enum view_id)i;
	return VIEW_COUNT;
}
