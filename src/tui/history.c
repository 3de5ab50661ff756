/* Prompt history in memory and on disk. The file holds one entry a line,
 * "KIND TEXT"; text with a newline cannot come from the prompt. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sitrep/history.h"
#include "sitrep/outfile.h"
#include "sitrep/util.h"

void history_add(struct history *h, char kind, const char *text)
{
	if (!*text || strchr(text, '\n'))
		return;
	for (size_t i = 0; i < h->n; i++)
		if (h->items[i].kind == kind && strcmp(h->items[i].text, text) == 0) {
			free(h->items[i].text);
			memmove(&h->items[i], &h->items[i + 1], (h->n - i - 1) * sizeof *h->items);
			h->n--;
			break;
		}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->items = xrealloc(h->items, h->cap * sizeof *h->items);
	}
	h->items[h->n++] = (struct history_entry){kind, xstrdup(text)};
}

size_t history_step(const struct history *h, char kind, size_t from, int dir)
{
	if (dir < 0) {
		for (size_t i = from; i-- > 0;)
			if (h->items[i].kind == kind)
				return i;
		return (size_t)-1;
	}
	for (size_t i = from + 1; i < h->n; i++)
		if (h->items[i].kind == kind)
			return i;
	return from < h->n ? h->n : (size_t)-1;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->items[i].text);
	free(h->items);
	memset(h, 0, sizeof *h);
}

char *history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	if (state && *state == '/')
		return xasprintf("%s/sitrep/history", state);
	const char *home = getenv("HOME");
	if (home && *home)
		return xasprintf("%s/.local/state/sitrep/history", home);
	return NULL;
}

int history_load(struct history *h, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] && line[1] == ' ')
			history_add(h, line[0], line + 2);
	}
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

/* Whole or not at all (outfile.h): two sitreps quitting at once each
 * write their own temporary file, and the last rename wins whole. */
int history_save(const struct history *h, const char *path)
{
	struct outfile out;
	char *err = NULL;
	outfile_make_parents(path); /* a failure shows when the file is written */
	if (outfile_open(&out, path, true, &err) < 0) {
		free(err);
		return -1;
	}
	size_t first = h->n > HISTORY_MAX ? h->n - HISTORY_MAX : 0;
	for (size_t i = first; i < h->n; i++)
		fprintf(out.f, "%c %s\n", h->items[i].kind, h->items[i].text);
	int rc = outfile_close(&out, !ferror(out.f), &err);
	free(err);
	return rc;
}
