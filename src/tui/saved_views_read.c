/* saved_views_read: loading and listing saved views (see saved_views.h
 * and the format in saved_views.c). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/saved_views.h"
#include "sitrep/util.h"

static int on_off(const char *s, bool *out)
{
	if (strcmp(s, "on") == 0 || strcmp(s, "off") == 0) {
		*out = s[1] == 'n';
		return 0;
	}
	return -1;
}

/* One line into v; -1 with a message in *what when it does not parse. */
static int read_line(char *line, struct saved_view *v, const char **what)
{
	char *arg = line + strcspn(line, " ");
	struct filter_error fe;
	bool on;

	if (*arg)
		*arg++ = '\0';
	if (strcmp(line, "filter") == 0) {
		char *term = arg + strcspn(arg, " ");
		if (*term)
			*term++ = '\0';
		*what = "filter: expected 'filter on|off TERM'";
		if (on_off(arg, &on) < 0 || fstack_push(&v->filters, term, &fe) < 0)
			return -1;
		/* pushing switches on; the file says whether it was */
		for (size_t i = 0; i < v->filters.n; i++)
			if (strcmp(v->filters.v[i].text, term) == 0)
				v->filters.v[i].on = on;
	} else if (strcmp(line, "order") == 0) {
		*what = "order: expected ascending or descending";
		if (strcmp(arg, "ascending") && strcmp(arg, "descending"))
			return -1;
		v->descending = arg[0] == 'd';
	} else if (strcmp(line, "sort") == 0) {
		*what = "sort: expected count, fatalities, name or last-seen";
		return actors_sort_parse(arg, &v->sort);
	} else if (strcmp(line, "frequency") == 0) {
		*what = "frequency: expected a grouping (region, district, place, actor, type,"
			" month, year) and a sort (count, fatalities, name)";
		char by[16];
		const char *sp = strchr(arg, ' ');
		if (!sp || (size_t)(sp - arg) >= sizeof by)
			return -1;
		memcpy(by, arg, (size_t)(sp - arg));
		by[sp - arg] = '\0';
		return freq_by_parse(by, &v->freq_by) < 0 ? -1
							  : freq_sort_parse(sp + 1, &v->freq_sort);
	} else if (strcmp(line, "zoom") == 0) {
		*what = "zoom: expected day, week, month, quarter or year";
		return bucket_zoom_parse(arg, &v->zoom);
	} else if (strcmp(line, "split") == 0) {
		*what = "split: expected on or off";
		if (on_off(arg, &on) < 0)
			return -1;
		v->split = on;
	} else if (strcmp(line, "beside") == 0) {
		*what = "beside: expected map or actors";
		if (strcmp(arg, "map") && strcmp(arg, "actors"))
			return -1;
		v->split_map = arg[0] == 'm';
	} else if (strcmp(line, "cursor") == 0) {
		*what = "cursor: expected 'cursor ID YYYY-MM-DD'";
		char *end;
		errno = 0;
		long long id = strtoll(arg, &end, 10);
		if (errno || end == arg || *end != ' ' || !id ||
		    strlen(end + 1) >= sizeof v->cursor_date || !*(end + 1) || strchr(end + 1, ' '))
			return -1;
		v->cursor_id = id;
		strcpy(v->cursor_date, end + 1);
	}
	return 0; /* comments, blank lines and words from a later version */
}

int saved_view_load(const char *name, struct saved_view *v, char **err)
{
	char *dir = saved_views_dir();
	char line[4096];
	int no = 0, rc = 0;
	FILE *f;

	saved_view_init(v);
	if (!saved_view_name_ok(name) || !dir) {
		*err = xasprintf("no view named '%s'", saved_view_name_ok(name) ? name : "?");
		free(dir);
		return -1;
	}
	char *path = xasprintf("%s/%s", dir, name);
	free(dir);
	if (!(f = fopen(path, "r"))) {
		*err = errno == ENOENT ? xasprintf("no view named '%s'", name)
				       : xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		const char *what = NULL;
		no++;
		line[strcspn(line, "\r\n")] = '\0';
		if (read_line(line, v, &what) < 0) {
			*err = xasprintf("%s:%d: %s", path, no, what);
			rc = -1;
		}
	}
	fclose(f);
	free(path);
	if (rc < 0)
		saved_view_free(v);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int saved_views_list(char ***names, size_t *n, char **err)
{
	char *dir = saved_views_dir();
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;

	*names = xcalloc(1, sizeof(**names));
	*n = 0;
	if (!d) {
		int missing = !dir || errno == ENOENT;
		if (!missing)
			*err = xasprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return missing ? 0 : -1;
	}
	while ((e = readdir(d))) {
		if (!saved_view_name_ok(e->d_name))
			continue; /* ".", "..", temporary files */
		*names = xrealloc(*names, (*n + 2) * sizeof(**names));
		(*names)[(*n)++] = xstrdup(e->d_name);
		(*names)[*n] = NULL;
	}
	closedir(d);
	free(dir);
	qsort(*names, *n, sizeof(**names), by_name);
	return 0;
}

int saved_view_remove(const char *name, char **err)
{
	char *dir = saved_views_dir();
	int rc = 0;

	if (!dir || !saved_view_name_ok(name)) {
		*err = xasprintf("no view named '%s'", saved_view_name_ok(name) ? name : "?");
		free(dir);
		return -1;
	}
	char *path = xasprintf("%s/%s", dir, name);
	if (unlink(path) < 0) {
		*err = errno == ENOENT ? xasprintf("no view named '%s'", name)
				       : xasprintf("%s: %s", path, strerror(errno));
		rc = -1;
	}
	free(path);
	free(dir);
	return rc;
}
