/* import_map: --map's renaming of header cells (see import_map.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/import_map.h"
#include "sitrep/util.h"

/* One NAME=COLUMN of the list at *p, as two allocated strings; *p past it.
 * 0, 1 at the end, -1 when malformed (err set). */
static int next_pair(const char **p, char **name, char **column, char **err)
{
	if (!**p)
		return 1;
	const char *item = *p, *comma = strchr(item, ',');
	size_t n = comma ? (size_t)(comma - item) : strlen(item);
	*p = comma ? comma + 1 : item + n;
	const char *eq = memchr(item, '=', n);
	size_t nl = eq ? (size_t)(eq - item) : 0, cl = eq ? n - nl - 1 : 0;
	if (!eq || nl == 0 || cl == 0) {
		*err = xasprintf("--map: expected NAME=COLUMN, not '%.*s'", (int)n, item);
		return -1;
	}
	*name = xstrndup(item, nl);
	*column = xstrndup(eq + 1, cl);
	return 0;
}

int import_map_check(const char *map, char **err)
{
	char *name, *column;
	int rc;
	if (!*map) {
		*err = xstrdup("--map: expected NAME=COLUMN,...");
		return -1;
	}
	while ((rc = next_pair(&map, &name, &column, err)) == 0) {
		free(name);
		free(column);
	}
	return rc < 0 ? -1 : 0;
}

/* The header cell named column (any case, blanks around it ignored), or -1. */
static int cell_named(const struct csv_record *hdr, const char *column)
{
	size_t cl = strlen(column);
	for (size_t i = 0; i < hdr->nfields; i++) {
		const char *c = hdr->fields[i];
		size_t n = hdr->lengths[i];
		while (n && (*c == ' ' || *c == '\t'))
			c++, n--;
		while (n && (c[n - 1] == ' ' || c[n - 1] == '\t' || c[n - 1] == '\r'))
			n--;
		if (n == cl && strncasecmp(c, column, n) == 0)
			return (int)i;
	}
	return -1;
}

int import_map_apply(const char *map, struct csv_record *hdr, char **err)
{
	char *name, *column;
	int rc;
	while ((rc = next_pair(&map, &name, &column, err)) == 0) {
		int i = cell_named(hdr, column);
		if (i < 0)
			*err = xasprintf("--map %s=%s: the header has no column '%s'", name, column,
					 column);
		else {
			free(hdr->fields[i]);
			hdr->fields[i] = name;
			hdr->lengths[i] = strlen(name);
			name = NULL;
		}
		free(name);
		free(column);
		if (i < 0)
			return -1;
	}
	return rc < 0 ? -1 : 0;
}
