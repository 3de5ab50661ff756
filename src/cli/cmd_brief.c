/* sitrep brief: the filtered events as a Markdown report (brief.h), to
 * standard output or, whole or not at all, to a file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/brief.h"
#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/notebook.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep brief [OPTION]... [FILTER]...\n"
	    "Write a Markdown report of the events that match FILTER (all when none):\n"
	    "the filter, counts and fatalities, events per month as a text chart, the\n"
	    "top actors and regions, the context events in the span, then each event\n"
	    "with its place, actors by side, fatalities and sources as links.\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR    only events matching EXPR (FILTER words add to it)\n"
	    "  -o, --output FILE    write to FILE (default: standard output)\n"
	    "      --with-notes     list each event's stars, tags and notes from the\n"
	    "                       database's notebook (see 'sitrep notes')\n"
	    "      --notes FILE     the notebook to read instead (implies --with-notes)\n"
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n");
}

struct brief_run {
	sqlite3 *db;
	const char *text;
	const struct sqlfrag *where;
	struct notebook *nb;
};

static int write_brief(FILE *f, void *ctx, char **err)
{
	const struct brief_run *r = ctx;
	return brief_write(r->db, r->text, r->where, r->nb, f, err);
}

int cmd_brief(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"output", required_argument, NULL, 'o'},
						 {"with-notes", no_argument, NULL, 'W'},
						 {"notes", required_argument, NULL, 'K'},
						 {NULL, 0, NULL, 0}};
	bool with_notes = false;
	const char *notes = NULL;
	struct cli_common c = {0};
	struct cli_words w = {0};
	const char *output = NULL;
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:ho:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0)
			continue;
		if (opt == 'o') {
			output = optarg;
			continue;
		}
		if (opt == 'W' || opt == 'K') {
			with_notes = true;
			if (opt == 'K')
				notes = optarg;
			continue;
		}
		cli_usage_error("brief", "bad usage");
		goto out;
	}
	if (c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	sqlite3 *db = cli_open_db(c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct sqlfrag where;
	sqlfrag_init(&where);
	status = cli_filter_count(db, c.filter, &w, &where);
	if (status == 0) {
		char *text = cli_filter_text(c.filter, &w);
		struct brief_run r = {db, text, &where, NULL};
		if (with_notes && cli_open_notebook(c.db, notes, &r.nb) < 0)
			status = EXIT_FAIL;
		else
			status = cli_write_output(output, write_brief, &r);
		notebook_close(r.nb);
		free(text);
	}
	sqlfrag_free(&where);
	db_close(db);
out:
	free(w.words);
	return status;
}
