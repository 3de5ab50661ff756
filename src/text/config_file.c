/* config_file: the settings file (see config_file.h). One function per kind of line;
 * each either stores the value or reports the line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/config_file.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static const char *const theme_names[THEME_NAME_COUNT] = {"dark", "light", "mono"};
static const char *const column_names[COL_COUNT] = {"date",   "kind",       "type", "place",
						    "actors", "fatalities", "title"};

const char *config_theme_name(int theme)
{
	return theme >= 0 && theme < THEME_NAME_COUNT ? theme_names[theme] : "?";
}

const char *config_column_name(enum config_column c)
{
	return c >= 0 && c < COL_COUNT ? column_names[c] : "?";
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->theme = c->mouse = c->context = c->descending = c->clipboard = c->map_shade = -1;
}

void config_free(struct config *c)
{
	free(c->database);
	free(c->author);
	free(c->view);
	for (size_t i = 0; i < c->nbinds; i++) {
		free(c->binds[i].key);
		free(c->binds[i].action);
	}
	free(c->binds);
	for (size_t i = 0; i < c->nerrors; i++)
		free(c->errors[i]);
	free(c->errors);
	config_init(c);
}

struct line {
	struct config *c;
	const char *file;
	int no;
	const struct config_checks *checks;
};

static void fail(const struct line *l, const char *what, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	struct config *c = l->c;

	if (l->no > 0)
		sb_addf(&sb, "%s:%d: %s", l->file, l->no, what);
	else
		sb_addf(&sb, "%s: %s", l->file, what);
	if (text) {
		sb_add(&sb, " '");
		text_fit(&sb, text, 40, 0); /* the file's bytes, made safe to show */
		sb_addc(&sb, '\'');
	}
	c->errors = xrealloc(c->errors, (c->nerrors + 1) * sizeof(*c->errors));
	c->errors[c->nerrors++] = sb_detach(&sb);
}

/* value as one of names; -1 (reported) when none. */
static int one_of(const struct line *l, const char *value, const char *const *names, int n,
		  const char *what)
{
	for (int i = 0; i < n; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	fail(l, what, value);
	return -1;
}

/* A column's width as "NAME:WIDTH": 0 (automatic) when none is given, -1
 * (reported) when it is not a number the timeline can draw, or is given to
 * a column whose width is its content's (date, kind, fatalities) or the
 * rest of the line (title). */
static int column_width(const struct line *l, enum config_column k, const char *word, const char *w)
{
	if (!w)
		return 0;
	if (k != COL_TYPE && k != COL_PLACE && k != COL_ACTORS) {
		fail(l,
		     k == COL_TITLE ? "columns: the title takes the rest of the line, no width:"
				    : "columns: only type, place and actors take a width:",
		     word);
		return -1;
	}
	char *end;
	errno = 0;
	long n = strtol(w, &end, 10);
	if (end == w || *end || errno || n < CONFIG_COLUMN_MIN || n > CONFIG_COLUMN_MAX) {
		fail(l, "columns: a width is 4 to 200 cells:", word);
		return -1;
	}
	return (int)n;
}

static void set_columns(const struct line *l, const char *value)
{
	enum config_column cols[COL_COUNT];
	int widths[COL_COUNT];
	size_t n = 0;
	char *copy = xstrdup(value), *save = NULL;

	for (char *w = strtok_r(copy, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
		char *colon = strchr(w, ':'), word[64];
		snprintf(word, sizeof word, "%s", w);
		if (colon)
			*colon = '\0';
		int k = one_of(l, w, column_names, COL_COUNT,
			       "columns: not one of date, kind, type, place, actors, "
			       "fatalities, title:");
		for (size_t i = 0; k >= 0 && i < n; i++)
			if (cols[i] == (enum config_column)k) {
				fail(l, "columns: named twice:", w);
				k = -1;
			}
		int width =
		    k >= 0 ? column_width(l, (enum config_column)k, word, colon ? colon + 1 : NULL)
			   : -1;
		if (k < 0 || width < 0 || n == COL_COUNT) {
			free(copy);
			return; /* the whole line is ignored, not half of it */
		}
		widths[n] = width;
		cols[n++] = (enum config_column)k;
	}
	free(copy);
	if (n == 0) {
		fail(l, "columns: no column named", NULL);
		return;
	}
	memcpy(l->c->column, cols, n * sizeof(*cols));
	memcpy(l->c->column_width, widths, n * sizeof(*widths));
	l->c->ncolumn = n;
}

static void set_database(const struct line *l, const char *value)
{
	const char *home = getenv("HOME");

	free(l->c->database);
	if (strncmp(value, "~/", 2) == 0 && home && *home)
		l->c->database = xasprintf("%s/%s", home, value + 2);
	else
		l->c->database = xstrdup(value);
}

static void setting(const struct line *l, const char *name, const char *value)
{
	static const char *const on_off[] = {"off", "on"};
	static const char *const order[] = {"ascending", "descending"};
	static const char *const map[] = {"braille", "shade"};
	struct config *c = l->c;
	int v;

	if (!*value) {
		fail(l, "no value for", name);
	} else if (strcmp(name, "theme") == 0) {
		if ((v = one_of(l, value, theme_names, THEME_NAME_COUNT,
				"theme: not dark, light or mono:")) >= 0)
			c->theme = v;
	} else if (strcmp(name, "mouse") == 0) {
		if ((v = one_of(l, value, on_off, 2, "mouse: not on or off:")) >= 0)
			c->mouse = v;
	} else if (strcmp(name, "clipboard") == 0) {
		if ((v = one_of(l, value, on_off, 2, "clipboard: not on or off:")) >= 0)
			c->clipboard = v;
	} else if (strcmp(name, "map") == 0) {
		if ((v = one_of(l, value, map, 2, "map: not braille or shade:")) >= 0)
			c->map_shade = v;
	} else if (strcmp(name, "context") == 0) {
		if ((v = one_of(l, value, on_off, 2, "context: not on or off:")) >= 0)
			c->context = v;
	} else if (strcmp(name, "date-order") == 0) {
		if ((v = one_of(l, value, order, 2, "date-order: not ascending or descending:")) >=
		    0)
			c->descending = v;
	} else if (strcmp(name, "columns") == 0) {
		set_columns(l, value);
	} else if (strcmp(name, "database") == 0) {
		set_database(l, value);
	} else if (strcmp(name, "author") == 0) {
		free(c->author);
		c->author = xstrdup(value);
	} else if (strcmp(name, "view") == 0) {
		const struct config_checks *k = l->checks;
		if (k && k->view_ok && !k->view_ok(value, k->ctx)) {
			fail(l, "view: no view named", value);
		} else {
			free(c->view);
			c->view = xstrdup(value);
		}
	} else {
		fail(l, "unknown setting", name);
	}
}

static void add_binding(const struct line *l, char *args)
{
	char *save = NULL;
	char *key = strtok_r(args, " \t", &save);
	char *action = key ? strtok_r(NULL, " \t", &save) : NULL;
	const struct config_checks *k = l->checks;
	struct config *c = l->c;

	if (!key || !action || strtok_r(NULL, " \t", &save)) {
		fail(l, "bind: write 'bind KEY ACTION'", NULL);
	} else if (k && k->key_ok && !k->key_ok(key, k->ctx)) {
		fail(l, "bind: unknown key", key);
	} else if (k && k->action_ok && !k->action_ok(action, k->ctx)) {
		fail(l, "bind: unknown action", action);
	} else {
		c->binds = xrealloc(c->binds, (c->nbinds + 1) * sizeof(*c->binds));
		c->binds[c->nbinds].key = xstrdup(key);
		c->binds[c->nbinds].action = xstrdup(action);
		c->binds[c->nbinds++].line = l->no;
	}
}

static char *trim(char *s)
{
	char *e;

	s += strspn(s, " \t\r");
	e = s + strlen(s);
	while (e > s && strchr(" \t\r", e[-1]))
		*--e = '\0';
	return s;
}

static void parse_line(const struct line *l, char *s)
{
	char *eq;

	s = trim(s);
	if (!*s || *s == '#')
		return;
	if (strncmp(s, "bind", 4) == 0 && (s[4] == ' ' || s[4] == '\t' || !s[4])) {
		add_binding(l, s + 4);
	} else if ((eq = strchr(s, '='))) {
		*eq = '\0';
		setting(l, trim(s), trim(eq + 1));
	} else {
		fail(l, "not 'name = value' or 'bind KEY ACTION':", s);
	}
}

void config_parse(struct config *c, const char *name, const char *text,
		  const struct config_checks *checks)
{
	struct line l = {c, name, 0, checks};
	char *copy = xstrdup(text), *s = copy;

	while (s) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		l.no++;
		parse_line(&l, s);
		s = nl ? nl + 1 : NULL;
	}
	free(copy);
}

int config_load(struct config *c, const char *path, const struct config_checks *checks)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f && errno == ENOENT)
		return 1;
	if (f) {
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			sb_addn(&sb, buf, n);
	}
	if (!f || ferror(f)) {
		struct line l = {c, path, 0, checks};
		fail(&l, strerror(errno), NULL);
		if (f)
			fclose(f);
		sb_free(&sb);
		return -1;
	}
	fclose(f);
	/* A NUL byte would end the text early; the lines after it are lost
	 * and said so rather than silently dropped. */
	if (memchr(sb_str(&sb), '\0', sb.len)) {
		struct line l = {c, path, 0, checks};
		fail(&l, "contains a NUL byte; reading stopped there", NULL);
	}
	config_parse(c, path, sb_str(&sb), checks);
	sb_free(&sb);
	return 0;
}

char *config_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	/* The spec says a relative XDG_CONFIG_HOME is to be ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/sitrep", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/sitrep", home);
	return NULL;
}

char *config_path(void)
{
	char *dir = config_dir(), *path = dir ? xasprintf("%s/config", dir) : NULL;

	free(dir);
	return path;
}
