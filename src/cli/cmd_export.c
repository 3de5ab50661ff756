/* sitrep export: the filtered events, in timeline order, to a file or
 * standard output, in a format other tools read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/cli_layers.h"
#include "sitrep/db.h"
#include "sitrep/export.h"
#include "sitrep/notebook.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep export [OPTION]... [FILTER]...\n"
	    "Write the events that match FILTER (all when none), oldest first.\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR    only events matching EXPR (FILTER words add to it)\n"
	    "  -F, --format FORMAT  csv (default), tsv, json, acled (the current ACLED\n"
	    "                       columns) or native (the sitrep text format, which\n"
	    "                       `sitrep import` reads back)\n"
	    "  -o, --output FILE    write to FILE (default: standard output)\n"
	    "      --with-notes     csv, tsv and json: each event's tags and notes from the\n"
	    "                       database's notebook (see 'sitrep notes'), as two more\n"
	    "                       columns (json: members)\n"
	    "      --notes FILE     the notebook to read instead (implies "
	    "--with-notes)\n" CLI_LAYER_HELP
	    "      --raw            control characters from the data as they are (by\n"
	    "                       default csv, tsv and acled write them as \\xHH, and\n"
	    "                       every format does on a terminal)\n"
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "CSV and TSV carry every event column, one column per actor role and the\n"
	    "sources as a JSON array; with layers, csv, tsv and json name each event's\n"
	    "layer in a last column. See EXPORT in sitrep(1).\n");
}

struct export_opts {
	struct cli_common c;
	const char *format;
	const char *output;
	bool raw;
	bool with_notes;
	const char *notes;
	struct cli_layers layers;
};

struct export_run {
	sqlite3 *db;
	const struct sqlfrag *where;
	const struct export_opts *o;
	const struct mark_index *marks;
	const struct layer_set *layers; /* NULL: the file alone */
};

static int write_export(FILE *f, void *ctx, char **err)
{
	const struct export_run *r = ctx;
	struct export_options eo = {out_controls_for(f, r->o->raw), r->marks, r->layers};
	return export_write_opts(r->db, r->where, r->o->format, f, &eo, NULL, err);
}

/* -o FILE is written whole or not at all (cli_write_output). */
static int run(sqlite3 *db, const struct sqlfrag *where, const struct export_opts *o,
	       const struct layer_set *ls)
{
	struct export_run r = {db, where, o, NULL, cli_layers_wanted(&o->layers) ? ls : NULL};
	struct mark_index marks = {0};
	struct notebook *nb = NULL;
	char *err = NULL;
	if (o->with_notes) {
		/* read once: memory goes with the notebook, not the file */
		if (cli_open_notebook(o->c.db, o->notes, &nb) < 0)
			return EXIT_FAIL;
		int rc = mark_index_load(&marks, nb, &err);
		notebook_close(nb);
		if (rc < 0)
			return cli_fail(err);
		r.marks = &marks;
	}
	int status = cli_write_output(o->output, write_export, &r);
	mark_index_free(&marks);
	return status;
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 CLI_LAYER_LONGOPTS,
						 {"format", required_argument, NULL, 'F'},
						 {"output", required_argument, NULL, 'o'},
						 {"raw", no_argument, NULL, 'R'},
						 {"with-notes", no_argument, NULL, 'W'},
						 {"notes", required_argument, NULL, 'K'},
						 {NULL, 0, NULL, 0}};
	struct export_opts eo = {.format = "csv"};
	struct cli_words w = {0};
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:hF:o:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&eo.c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0 || cli_layer_opt(&eo.layers, opt, optarg))
			continue;
		if (opt == 'F' && export_format_known(optarg)) {
			eo.format = optarg;
			continue;
		}
		if (opt == 'o') {
			eo.output = optarg;
			continue;
		}
		if (opt == 'R') {
			eo.raw = true;
			continue;
		}
		if (opt == 'W' || opt == 'K') {
			eo.with_notes = true;
			if (opt == 'K')
				eo.notes = optarg;
			continue;
		}
		if (opt == 'F')
			cli_usage_error(
			    "export",
			    "--format: expected csv, tsv, json, acled or native, not '%s'", optarg);
		else
			cli_usage_error("export", "bad usage");
		goto out;
	}
	if (eo.c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	if (eo.with_notes && !export_format_takes_marks(eo.format)) {
		cli_usage_error("export", "--with-notes: csv, tsv or json only, not %s", eo.format);
		goto out;
	}
	sqlite3 *db = cli_open_db(eo.c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct sqlfrag where;
	sqlfrag_init(&where);
	status = cli_filter(db, eo.c.filter, &w, &where);
	struct layer_set ls;
	layer_set_init(&ls);
	if (status == 0)
		status = cli_open_layers(&eo.layers, &ls, db, eo.c.filter, &w);
	if (status == 0)
		status = run(db, &where, &eo, &ls);
	layer_set_free(&ls);
	sqlfrag_free(&where);
	db_close(db);
out:
	cli_layers_free(&eo.layers);
	free(w.words);
	return status;
}
