/* sitrep sql: one read-only SQL statement on the database, its rows
 * written as the other commands write theirs (a table fitted to the
 * terminal, sanitised; or CSV, TSV, JSON). What may run is sql_readonly's
 * business; this file only parses the command line and prints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/sql_readonly.h"
#include "sitrep/strbuf.h"
#include "sitrep/tabular.h"
#include "sitrep/util.h"

/* struct out holds widths for this many columns. */
#define SQL_MAX_COLS 32

static void usage(void)
{
	printf(
	    "Usage: sitrep sql [OPTION]... 'STATEMENT'\n"
	    "Run one SQL statement that only reads (SELECT, WITH, a reading PRAGMA)\n"
	    "on the database and print its rows. Statements that write, ATTACH a file,\n"
	    "load an extension or change a pragma are refused. The schema: sitrep schema.\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -F, --format FORMAT  table (default), csv, tsv or json\n"
	    "      --raw            csv and tsv: control characters from the data as they\n"
	    "                       are (by default they are written as \\xHH)\n"
	    "  -h, --help           show this help and exit\n\n"
	    "Example:\n"
	    "  sitrep sql 'SELECT admin1, count(*) FROM event GROUP BY 1 ORDER BY 2 DESC'\n");
}

static int print_rows(sqlite3 *db, sqlite3_stmt *st, enum out_format fmt, bool raw)
{
	int n = sqlite3_column_count(st);
	if (n > SQL_MAX_COLS)
		return cli_fail(
		    xasprintf("SQL: %d columns; sitrep sql prints at most %d", n, SQL_MAX_COLS));
	struct out_col cols[SQL_MAX_COLS];
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);
		cols[i] = (struct out_col){name ? name : "?", 4, 1, false, false};
	}
	struct out o;
	out_begin(&o, stdout, fmt, cols, n, out_terminal_width());
	o.controls = out_controls_for(stdout, raw);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *v[SQL_MAX_COLS];
		for (int i = 0; i < n; i++)
			v[i] = db_column_dup(st, i);
		out_row(&o, (const char *const *)v);
		for (int i = 0; i < n; i++)
			free(v[i]);
	}
	out_end(&o);
	if (rc != SQLITE_DONE)
		return cli_fail(db_error(db));
	return EXIT_OK;
}

int cmd_sql(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"format", required_argument, NULL, 'F'},
						 {"raw", no_argument, NULL, 'R'},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	enum out_format fmt = OUT_TABLE;
	bool raw = false;
	int opt, status = EXIT_USAGE;

	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:hF:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0)
			continue;
		if (opt == 'F' && out_format_parse(optarg, &fmt) == 0)
			continue;
		if (opt == 'R') {
			raw = true;
			continue;
		}
		if (opt == 'F')
			cli_usage_error(
			    "sql", "--format: expected table, csv, tsv or json, not '%s'", optarg);
		else
			cli_usage_error("sql", "bad usage");
		goto out;
	}
	if (c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	if (c.filter) {
		cli_usage_error("sql", "--filter: a statement has its own WHERE");
		goto out;
	}
	if (w.n == 0) {
		cli_usage_error("sql", "no statement given");
		goto out;
	}
	/* The words as one statement, as a shell user who left out the quotes
	 * meant them. */
	struct strbuf text = STRBUF_INIT;
	for (int i = 0; i < w.n; i++)
		sb_addf(&text, "%s%s", i ? " " : "", w.words[i]);
	sqlite3 *db = cli_open_db(c.db);
	if (!db) {
		status = EXIT_FAIL;
	} else {
		sqlite3_stmt *st;
		char *err = NULL;
		if (sql_readonly_prepare(db, sb_str(&text), &st, &err) < 0) {
			status = cli_fail(err);
		} else {
			status = print_rows(db, st, fmt, raw);
			sqlite3_finalize(st);
		}
		db_close(db);
	}
	sb_free(&text);
out:
	free(w.words);
	return status;
}
