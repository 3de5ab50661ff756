/* sitrep export: the filtered events, in timeline order, to a file or
 * standard output, in a format other tools read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/export.h"
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
	    "      --raw            control characters from the data as they are (by\n"
	    "                       default csv, tsv and acled write them as \\xHH, and\n"
	    "                       every format does on a terminal)\n"
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "CSV and TSV carry every event column, one column per actor role and the\n"
	    "sources as a JSON array. See EXPORT in sitrep(1).\n");
}

struct export_opts {
	struct cli_common c;
	const char *format;
	const char *output;
	bool raw;
};

struct export_run {
	sqlite3 *db;
	const struct sqlfrag *where;
	const struct export_opts *o;
};

static int write_export(FILE *f, void *ctx, char **err)
{
	const struct export_run *r = ctx;
	return export_write_controls(r->db, r->where, r->o->format, f,
				     out_controls_for(f, r->o->raw), NULL, err);
}

/* -o FILE is written whole or not at all (cli_write_output). */
static int run(sqlite3 *db, const struct sqlfrag *where, const struct export_opts *o)
{
	struct export_run r = {db, where, o};
	return cli_write_output(o->output, write_export, &r);
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"format", required_argument, NULL, 'F'},
						 {"output", required_argument, NULL, 'o'},
						 {"raw", no_argument, NULL, 'R'},
						 {NULL, 0, NULL, 0}};
	struct export_opts eo = {.format = "csv"};
	struct cli_words w = {0};
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:hF:o:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&eo.c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0)
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
	sqlite3 *db = cli_open_db(eo.c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct sqlfrag where;
	sqlfrag_init(&where);
	status = cli_filter(db, eo.c.filter, &w, &where);
	if (status == 0)
		status = run(db, &where, &eo);
	sqlfrag_free(&where);
	db_close(db);
out:
	free(w.words);
	return status;
}
