/* ui_config: the settings file applied to the session: theme, key
 * bindings by action name, mouse. The parser (config.h) is pure; this file
 * supplies the key and action tables it checks names against. A bad line
 * is reported (the first on the message line, all on stderr at exit is
 * too late, so at start) and skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/config_file.h"
#include "sitrep/keymap.h"
#include "sitrep/theme.h"
#include "sitrep/util.h"
#include "ui_impl.h"

static bool key_ok(const char *name, void *ctx)
{
	struct key k;
	size_t n = key_parse(name, &k);
	return n > 0 && name[n] == '\0';
}

static bool action_ok(const char *name, void *ctx)
{
	return action_lookup(name) != ACT_NONE;
}

static bool view_ok(const char *name, void *ctx)
{
	return view_lookup(name) != NULL;
}

static struct config *loaded(void)
{
	static struct config c;
	static bool done;
	const struct config_checks checks = {key_ok, action_ok, view_ok, NULL};

	if (!done) {
		char *path = config_path();
		config_init(&c);
		if (path)
			config_load(&c, path, &checks);
		free(path);
		done = true;
	}
	return &c;
}

bool ui_config_context(void)
{
	return loaded()->context != 0;
}

enum view_id ui_config_view(void)
{
	const struct view_ops *ops = loaded()->view ? view_lookup(loaded()->view) : NULL;
	return ops ? view_id_of(ops) : VIEW_TIMELINE;
}

const char *ui_config_author(void)
{
	return loaded()->author;
}

char *ui_config_database(void)
{
	const struct config *c = loaded();
	return c->database ? xstrdup(c->database) : NULL;
}

int ui_config_load(struct ui *ui)
{
	const struct config *c = loaded();

	if (c->theme >= 0)
		theme_select(c->theme == THEME_NAME_LIGHT  ? THEME_LIGHT
			     : c->theme == THEME_NAME_MONO ? THEME_MONOCHROME
							   : THEME_DARK);
	struct session_settings *set = session_settings(ui->s);

	if (c->mouse >= 0)
		ui->mouse_on = c->mouse == 1;
	if (c->clipboard >= 0)
		ui->clipboard_off = c->clipboard == 0;
	if (c->map_shade >= 0)
		set->map_shade = c->map_shade == 1;
	if (c->descending >= 0)
		set->descending = c->descending == 1;
	for (size_t i = 0; i < c->ncolumn; i++) {
		set->cols[i] = c->column[i];
		set->col_width[i] = c->column_width[i];
	}
	set->ncols = c->ncolumn;
	keymap_init();
	for (size_t i = 0; i < c->nbinds; i++) {
		struct key k;
		key_parse(c->binds[i].key, &k);
		keymap_bind(k, action_lookup(c->binds[i].action));
	}
	for (size_t i = 0; i < c->nerrors; i++)
		fprintf(stderr, "%s: %s\n", progname, c->errors[i]);
	if (c->nerrors) {
		/* "~/.config/sitrep/config:3: ..." reads better than the full path */
		const char *home = getenv("HOME"), *msg = c->errors[0];
		size_t n = home ? strlen(home) : 0;
		bool tilde = n > 1 && strncmp(msg, home, n) == 0 && msg[n] == '/';
		ui_error(ui, "%s%s%s", tilde ? "~" : "", tilde ? msg + n : msg,
			 c->nerrors > 1 ? " (and more: see stderr)" : "");
	}
	return 0;
}
