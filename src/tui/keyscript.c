/* Parsing key scripts for the headless harness. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/keyscript.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static void push(struct keyscript *ks, struct input in)
{
	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 64;
		ks->items = xrealloc(ks->items, ks->cap * sizeof *ks->items);
	}
	ks->items[ks->n++] = in;
}

static void push_key(struct keyscript *ks, int code, bool fn)
{
	push(ks, (struct input){.type = INPUT_KEY, .key = {code, fn}});
}

static const struct {
	const char *name;
	enum mouse_kind kind;
} mouse_names[] = {
    {"Click", MOUSE_CLICK},
    {"DoubleClick", MOUSE_DOUBLE},
    {"WheelUp", MOUSE_WHEEL_UP},
    {"WheelDown", MOUSE_WHEEL_DOWN},
};

/* "<Resize 120x40>" and the mouse events: names with arguments. body is
 * what lies between < and >. Returns 1 when it was one of them, 0 when
 * not, -1 when it was but the arguments are bad. */
static int parse_event(const char *body, struct keyscript *ks)
{
	char word[16];
	int a, b, used = 0;
	if (sscanf(body, "%15[A-Za-z] %n", word, &used) != 1 || !used)
		return 0;
	if (strcmp(word, "Resize") == 0) {
		char c;
		if (sscanf(body + used, "%dx%d%c", &a, &b, &c) != 2 || a < 1 || b < 1 || a > 1000 ||
		    b > 1000)
			return -1;
		push(ks, (struct input){.type = INPUT_RESIZE, .cols = a, .rows = b});
		return 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(mouse_names); i++) {
		if (strcmp(word, mouse_names[i].name) != 0)
			continue;
		char c;
		if (sscanf(body + used, "%d %d%c", &a, &b, &c) != 2 || a < 0 || b < 0)
			return -1;
		push(ks, (struct input){
			     .type = INPUT_MOUSE, .mouse = mouse_names[i].kind, .y = a, .x = b});
		return 1;
	}
	return 0;
}

/* One line of keys; returns 0 or -1 with the column of the problem. */
static int parse_keys(const char *line, struct keyscript *ks, int *col, const char **why)
{
	const char *p = line;
	while (*p) {
		struct key k;
		size_t n = key_parse(p, &k);
		if (n) {
			push_key(ks, k.code, k.fn);
			p += n;
			continue;
		}
		/* a '<' that is not a key name: maybe an event, else an error */
		const char *end = strchr(p, '>');
		char body[64];
		size_t len = end ? (size_t)(end - p - 1) : 0;
		int r = 0;
		if (end && len < sizeof body) {
			memcpy(body, p + 1, len);
			body[len] = '\0';
			r = parse_event(body, ks);
		}
		if (r <= 0) {
			*col = (int)(p - line) + 1;
			*why = r < 0 ? "bad arguments" : "unknown key name (write <Lt> for '<')";
			return -1;
		}
		p = end + 1;
	}
	return 0;
}

int keyscript_parse(const char *text, struct keyscript *ks, char *err, size_t errsize)
{
	memset(ks, 0, sizeof *ks);
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		lineno++;
		p += len + (nl ? 1 : 0);
		int rc = 0, col = 0;
		const char *why = "";
		if (line[0] == '#' || line[0] == '\0')
			;
		else if (strncmp(line, ":save-display ", 14) == 0 && line[14])
			push(ks, (struct input){.type = INPUT_DUMP, .path = xstrdup(line + 14)});
		else if (line[0] == ':') {
			/* a command line is typed as it is, '<' included */
			const char *q = line;
			while (*q) {
				uint32_t cp;
				q += text_decode(q, strlen(q), &cp);
				push_key(ks, (int)cp, false);
			}
			push_key(ks, '\n', false);
		} else
			rc = parse_keys(line, ks, &col, &why);
		free(line);
		if (rc) {
			snprintf(err, errsize, "line %d, column %d: %s", lineno, col, why);
			keyscript_free(ks);
			return -1;
		}
	}
	return 0;
}

int keyscript_load(const char *path, struct keyscript *ks, char *err, size_t errsize)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&sb, chunk, n);
	fclose(f);
	char why[200];
	int rc = keyscript_parse(sb_str(&sb), ks, why, sizeof why);
	if (rc)
		snprintf(err, errsize, "%s: %s", path, why);
	sb_free(&sb);
	return rc;
}

bool keyscript_next(struct keyscript *ks, struct input *in)
{
	if (ks->pos >= ks->n)
		return false;
	*in = ks->items[ks->pos++];
	return true;
}

void keyscript_free(struct keyscript *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		if (ks->items[i].type == INPUT_DUMP)
			free((char *)ks->items[i].path);
	free(ks->items);
	memset(ks, 0, sizeof *ks);
}
