/* context_layers: which layers open over the browsed file (layer.h), from
 * the command line and the config: the bundled data set's context events,
 * unless turned off or browsed itself, then each --context FILE.
 *
 * A --context file may be a sitrep database, opened read-only as it is, or
 * any file `sitrep import` reads (an office's list in native text, an ACLED
 * export): that one is imported into a database of its own in a private
 * temporary directory, opened, and unlinked at once, so that nothing is
 * left behind and the user's files are never written. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/context_layers.h"
#include "sitrep/db.h"
#include "sitrep/import_file.h"
#include "sitrep/store.h"
#include "sitrep/util.h"

static bool is_sqlite_file(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	bool yes = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, magic, 16) == 0;
	fclose(f);
	return yes;
}

/* "office" for "/srv/lists/office.sitrep": what the status line shows. */
static char *layer_name_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *name = xstrdup(*base ? base : path);
	char *dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = '\0';
	return name;
}

/* Import a text file into dir/layer.db: its path, or NULL (the import
 * said why on stderr). */
static char *import_aside(const char *dir, const char *path)
{
	char *db = xasprintf("%s/layer.db", dir);
	char *err = NULL;
	struct store *st = store_open(db, &err);
	if (!st) {
		warnx_("%s", err ? err : db);
		free(err);
		free(db);
		return NULL;
	}
	/* A rollback journal: the layer's read-only connection then leaves no
	 * -wal or -shm beside the file, and dir can go at once. */
	if (db_set_journal(store_db(st), DB_JOURNAL_ROLLBACK, db, &err) < 0) {
		warnx_("%s", err);
		free(err);
		store_close(st);
		unlink(db);
		free(db);
		return NULL;
	}
	struct import_file_opts o = {.format = IMPORT_UNKNOWN, .quiet = true};
	int rc = import_path(st, &o, path);
	store_close(st);
	if (rc != 0) {
		unlink(db);
		free(db);
		return NULL;
	}
	return db;
}

/* Add the layer in path: 0, or -1 after saying why on stderr. */
static int add_file(layer_add_fn add, void *ctx, const char *browsed, const char *path)
{
	if (layer_same_file(path, browsed)) {
		warnx_("--context %s: that is the file being browsed", path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		warnx_("--context %s: %s", path, strerror(errno));
		return -1;
	}
	char *name = layer_name_of(path);
	char *dir = NULL, *db = NULL, *err = NULL;
	const char *open = path;
	int rc = -1;
	if (!is_sqlite_file(path)) {
		char tmpl[4096];
		const char *tmp = getenv("TMPDIR");
		snprintf(tmpl, sizeof tmpl, "%s/sitrep-layer.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		dir = mkdtemp(tmpl) ? xstrdup(tmpl) : NULL;
		if (!dir) {
			warnx_("--context %s: cannot make a temporary directory: %s", path,
			       strerror(errno));
			goto out;
		}
		db = import_aside(dir, path);
		if (!db)
			goto out;
		open = db;
	}
	int added = add(ctx, name, open, LAYER_EVERY_EVENT, &err);
	if (added < 0)
		warnx_("--context %s: %s", path, err ? err : "cannot be read");
	else if (added == 0)
		warnx_("--context %s: no events to add (empty, or all in %s already)", path,
		       browsed);
	rc = added < 0 ? -1 : 0;
out:
	if (db)
		unlink(db); /* the layer's connection keeps it open */
	if (dir)
		rmdir(dir);
	free(db);
	free(dir);
	free(err);
	free(name);
	return rc;
}

int context_layers_open(layer_add_fn add, void *ctx, const char *browsed, bool bundled,
			const char *const *contexts, size_t n)
{
	const char *data_set = db_bundled_path();
	if (bundled && !layer_same_file(data_set, browsed) && access(data_set, R_OK) == 0) {
		char *err = NULL;
		/* A damaged or missing data set costs the context, not the session. */
		if (add(ctx, "bundled", data_set, LAYER_CONTEXT_HERE, &err) < 0)
			warnx_("the bundled context layer is off: %s", err ? err : data_set);
		free(err);
	}
	for (size_t i = 0; i < n; i++)
		if (add_file(add, ctx, browsed, contexts[i]) != 0)
			return -1;
	return 0;
}
