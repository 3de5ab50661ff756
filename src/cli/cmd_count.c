/* sitrep count: the number of events a filter matches; with --sql, the
 * WHERE clause the filter compiles to (values shown inline as SQL literals,
 * for reading and for the sqlite3 shell; sitrep itself always binds them). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sitrep/cli.h"
#include "sitrep/cli_layers.h"
#include "sitrep/count_fast.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "sitrep/query.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep count [OPTION]... [FILTER]...\n"
	    "Print the number of events that match the filter (all events without one).\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR    only events matching EXPR (FILTER words add to it)\n"
	    "      --sql            print the filter's SQL instead, values inline\n" CLI_LAYER_HELP
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "See FILTERS in sitrep(1).\n");
}

/* A bound value as an SQL literal: text quoted with '' doubled. */
static void print_literal(FILE *out, const struct bind *b)
{
	switch (b->type) {
	case BIND_INT:
		fprintf(out, "%lld", b->i);
		return;
	case BIND_REAL:
		fprintf(out, "%.17g", b->r);
		return;
	case BIND_TEXT:
		fputc('\'', out);
		for (const char *s = b->text; *s; s++) {
			if (*s == '\'')
				fputc('\'', out);
			fputc(*s, out);
		}
		fputc('\'', out);
		return;
	}
}

static void print_sql(FILE *out, const struct sqlfrag *where)
{
	const char *s = sb_str(&where->sql);
	size_t b = 0;

	if (sqlfrag_empty(where)) {
		fputs("1\n", out);
		return;
	}
	/* The program writes no '?' of its own but the parameters. */
	for (; *s; s++) {
		if (*s == '?' && b < where->nbinds)
			print_literal(out, &where->binds[b++]);
		else
			fputc(*s, out);
	}
	fputc('\n', out);
}

/* A filter of one field may be counted from an index or the file's kept
 * counts alone (count_fast.h); the layers' rows, already filtered, add. */
static int run(sqlite3 *db, const char *text, const struct sqlfrag *where,
	       const struct layer_set *ls, bool sql)
{
	struct query q = {.db = db, .where = where, .extra = &ls->extra};
	long long count;
	char *err = NULL;

	if (sql) {
		print_sql(stdout, where);
		return EXIT_OK;
	}
	int fast = count_fast(db, text, &count, &err);
	if (fast < 0 || (fast == 0 && query_count(&q, &count, &err) < 0))
		return cli_fail(err);
	if (fast)
		count += (long long)ls->extra.n;
	printf("%lld\n", count);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_fail(xstrdup("write error on standard output"));
	return EXIT_OK;
}

int cmd_count(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 CLI_LAYER_LONGOPTS,
						 {"sql", no_argument, NULL, 'S'},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_layers layers = {0};
	struct layer_set ls;
	struct cli_words w = {0};
	bool sql = false;
	int opt, status = EXIT_USAGE;

	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:h", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);

		if (rc < 0)
			goto out;
		if (rc > 0 || cli_layer_opt(&layers, opt, optarg))
			continue;
		if (opt == 'S') {
			sql = true;
			continue;
		}
		cli_usage_error("count", "bad usage");
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
	/* --sql shows what a page runs; the count itself takes the count form. */
	status =
	    sql ? cli_filter(db, c.filter, &w, &where) : cli_filter_count(db, c.filter, &w, &where);
	layer_set_init(&ls);
	if (status == 0 && !sql)
		status = cli_open_layers(&layers, &ls, db, c.filter, &w);
	char *text = cli_filter_text(c.filter, &w);
	if (status == 0)
		status = run(db, text, &where, &ls, sql);
	free(text);
	layer_set_free(&ls);
	sqlfrag_free(&where);
	db_close(db);
out:
	cli_layers_free(&layers);
	free(w.words);
	return status;
}
