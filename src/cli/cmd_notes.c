/* sitrep notes: the analyst's notebook (notebook.h) from the command line:
 * list the marks (saying which events are gone from the database), export
 * them as JSON lines, merge another analyst's export. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/notebook.h"
#include "sitrep/outfile.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf("Usage: sitrep notes [list] [OPTION]...\n"
	       "   or: sitrep notes export [-o FILE] [OPTION]...\n"
	       "   or: sitrep notes import [OPTION]... FILE...\n"
	       "The stars, tags and notes put on a database's events in the browser (keys *,\n"
	       "t, C, E). They live in a notebook of their own, never in the database.\n\n"
	       "  list               each mark: event, kind, text, author, time; a mark whose\n"
	       "                     event is not in the database says so\n"
	       "  export             every mark as one JSON object a line\n"
	       "  import FILE...     merge exported marks (the same mark twice is kept once)\n\n"
	       "  -d, --db FILE      the database whose notebook it is (default: $SITREP_DB,\n"
	       "                     else the bundled data set)\n"
	       "      --notes FILE   this notebook instead (default: $SITREP_NOTES, else the\n"
	       "                     database's own, under $XDG_DATA_HOME/sitrep/notes/)\n"
	       "  -o, --output FILE  export: write FILE (whole or not at all), not stdout\n"
	       "      --force        export: replace FILE if it exists\n"
	       "  -h, --help         show this help and exit\n\n"
	       "See NOTEBOOK in sitrep(1).\n");
}

/* Whether the event a mark is on is in db. */
static bool present(sqlite3_stmt *st, const struct mark *m)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, m->origin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, m->origin, -1, SQLITE_TRANSIENT);
	return sqlite3_step(st) == SQLITE_ROW;
}

static int list(struct notebook *nb, sqlite3 *db)
{
	struct mark *v;
	size_t n;
	char *err = NULL;
	sqlite3_stmt *st = NULL;
	if (notebook_marks(nb, NULL, NULL, &v, &n, &err) != 0)
		return cli_fail(err);
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM event WHERE origin_id = ? AND origin = ?", -1,
			       &st, NULL) != SQLITE_OK) {
		marks_free(v, n);
		return cli_fail(db_error(db));
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const struct mark *m = &v[i];
		char *id = xasprintf("%s:%s", m->origin, m->origin_id);
		const char *fields[] = {m->date,  id,        mark_kind_name(m->kind),
					m->value, m->author, m->created,
					m->title};
		sb_reset(&sb);
		/* tab-separated; a tab or line break inside a field reads as a space */
		for (size_t k = 0; k < ARRAY_SIZE(fields); k++) {
			sb_add(&sb, k ? "\t" : "");
			text_sanitize(&sb, fields[k], 0);
		}
		if (!present(st, m))
			sb_add(&sb, "\t(not in this database)");
		printf("%s\n", sb_str(&sb));
		free(id);
	}
	sb_free(&sb);
	sqlite3_finalize(st);
	marks_free(v, n);
	return EXIT_OK;
}

static int export(struct notebook *nb, const char *out, bool force)
{
	char *err = NULL;
	if (!out) {
		if (notebook_export(nb, stdout, &err) != 0)
			return cli_fail(err);
		return EXIT_OK;
	}
	struct outfile o;
	if (outfile_open(&o, out, force, &err) != 0)
		return cli_fail(err);
	bool ok = notebook_export(nb, o.f, &err) == 0;
	if (!ok)
		warnx_("%s", err);
	free(err);
	err = NULL;
	if (outfile_close(&o, ok, &err) != 0)
		return err ? cli_fail(err) : EXIT_FAIL;
	return EXIT_OK;
}

static int merge(struct notebook *nb, int argc, char **argv)
{
	int status = EXIT_OK;
	for (int i = 0; i < argc; i++) {
		bool std = strcmp(argv[i], "-") == 0;
		FILE *f = std ? stdin : fopen(argv[i], "r");
		char *err = NULL;
		long added, kept;
		if (!f) {
			warnx_("%s: %s", argv[i], strerror(errno));
			status = EXIT_FAIL;
			continue;
		}
		if (notebook_import(nb, f, argv[i], &added, &kept, &err) != 0) {
			warnx_("%s (nothing of it merged)", err);
			free(err);
			status = EXIT_FAIL;
		} else {
			printf("%s: %ld marks added, %ld already there\n", argv[i], added, kept);
		}
		if (!std)
			fclose(f);
	}
	return status;
}

int cmd_notes(int argc, char **argv)
{
	enum { OPT_NOTES = 256, OPT_FORCE };
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"notes", required_argument, NULL, OPT_NOTES},
						 {"output", required_argument, NULL, 'o'},
						 {"force", no_argument, NULL, OPT_FORCE},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	const char *notes = NULL, *out = NULL;
	bool force = false;
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:ho:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0)
			continue;
		if (opt == OPT_NOTES)
			notes = optarg;
		else if (opt == 'o')
			out = optarg;
		else if (opt == OPT_FORCE)
			force = true;
		else {
			cli_usage_error("notes", "bad usage");
			goto out;
		}
	}
	if (c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	const char *verb = w.n ? w.words[0] : "list";
	bool is_list = strcmp(verb, "list") == 0, is_export = strcmp(verb, "export") == 0,
	     is_import = strcmp(verb, "import") == 0;
	if (!is_list && !is_export && !is_import) {
		cli_usage_error("notes", "'%s': not list, export or import", verb);
		goto out;
	}
	if (is_import && w.n < 2) {
		cli_usage_error("notes", "import: which file? (- reads standard input)");
		goto out;
	}
	if (!is_import && w.n > 1) {
		cli_usage_error("notes", "%s takes no file ('-o FILE' writes one)", verb);
		goto out;
	}
	if (c.filter) {
		cli_usage_error("notes", "notes take no filter");
		goto out;
	}
	const char *file = db_default_path(c.db);
	char *path = notebook_path_for(notes, file);
	char *err = NULL;
	if (!path) {
		status = cli_fail(xstrdup("no notebook: no home directory (give --notes FILE)"));
		goto out;
	}
	/* listing and exporting read an existing notebook; import makes it */
	struct notebook *nb = notebook_open(path, is_import, &err);
	if (!nb && !err && !is_import) {
		if (!is_export)
			fprintf(stderr, "%s: no marks yet (%s does not exist)\n", progname, path);
		status = EXIT_OK;
	} else if (!nb) {
		status = cli_fail(err);
	} else if (is_list) {
		sqlite3 *db = cli_open_db(c.db);
		status = db ? list(nb, db) : EXIT_FAIL;
		if (db)
			db_close(db);
	} else if (is_export) {
		status = export(nb, out, force);
	} else {
		status = merge(nb, w.n - 1, w.words + 1);
	}
	notebook_close(nb);
	free(path);
out:
	free(w.words);
	return status;
}
