/* saved_views: named views as text files (see saved_views.h). A file reads
 *   # sitrep view
 *   filter on actor:JNIM
 *   filter off since:2022
 *   order descending
 *   sort count
 *   frequency region count
 *   zoom month
 *   split on
 *   beside map
 *   cursor 24 2022-08-15
 * Lines with another first word are skipped, so a newer sitrep's files
 * still load (and an older one reads this one's: what the split shows is
 * a line of its own, `beside map` or `beside actors`; none: actors). A save writes a temporary file
 * and renames it over the old one, so a crash leaves either view whole, never half of one. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/config_file.h"
#include "sitrep/outfile.h"
#include "sitrep/saved_views.h"
#include "sitrep/util.h"

void saved_view_init(struct saved_view *v)
{
	fstack_init(&v->filters);
	v->descending = false;
	v->sort = ACTORS_BY_COUNT;
	v->freq_by = FREQ_REGION;
	v->freq_sort = FREQ_BY_COUNT;
	v->zoom = ZOOM_MONTH;
	v->split = false;
	v->split_map = false;
	v->cursor_id = 0;
	v->cursor_date[0] = '\0';
}

void saved_view_free(struct saved_view *v)
{
	fstack_free(&v->filters);
}

bool saved_view_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64 || name[0] == '.')
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p == '/' || *p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

char *saved_views_dir(void)
{
	char *dir = config_dir(), *views = dir ? xasprintf("%s/views", dir) : NULL;

	free(dir);
	return views;
}

/* The path of view name, or NULL with *err set. */
static char *view_path(const char *name, char **err)
{
	char *dir;

	if (!saved_view_name_ok(name)) {
		*err = xasprintf("not a view name: use up to 64 characters, no '/', not starting "
				 "with '.'");
		return NULL;
	}
	if (!(dir = saved_views_dir())) {
		*err = xstrdup("no place for views: neither XDG_CONFIG_HOME nor HOME is set");
		return NULL;
	}
	char *path = xasprintf("%s/%s", dir, name);
	free(dir);
	return path;
}

static void write_view(FILE *f, const struct saved_view *v)
{
	fputs("# sitrep view\n", f);
	for (size_t i = 0; i < v->filters.n; i++) {
		fprintf(f, "filter %s ", v->filters.v[i].on ? "on" : "off");
		/* a newline inside a quoted term would end the line early */
		for (const char *p = v->filters.v[i].text; *p; p++)
			fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
		fputc('\n', f);
	}
	fprintf(f, "order %s\n", v->descending ? "descending" : "ascending");
	fprintf(f, "sort %s\n", actors_sort_name(v->sort));
	fprintf(f, "frequency %s %s\n", freq_by_name(v->freq_by), freq_sort_name(v->freq_sort));
	fprintf(f, "zoom %s\n", bucket_zoom_name(v->zoom));
	fprintf(f, "split %s\n", v->split ? "on" : "off");
	fprintf(f, "beside %s\n", v->split_map ? "map" : "actors");
	if (v->cursor_id)
		fprintf(f, "cursor %lld %s\n", v->cursor_id, v->cursor_date);
}

int saved_view_save(const char *name, const struct saved_view *v, char **err)
{
	char *path = view_path(name, err), *dir, *tmp;
	int fd, rc = -1;
	FILE *f;

	if (!path)
		return -1;
	dir = saved_views_dir();
	tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	if (outfile_make_parents(tmp) < 0) { /* the views' directory, and those above it */
		*err = xasprintf("%s: %s", dir, strerror(errno));
		goto out;
	}
	if ((fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "w"))) {
		*err = xasprintf("%s: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	write_view(f, v);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || ferror(f)) {
		*err = xasprintf("%s: %s", tmp, strerror(errno));
		fclose(f);
		unlink(tmp);
		goto out;
	}
	if (fclose(f) != 0 || rename(tmp, path) < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(dir);
	free(path);
	return rc;
}
