/* sitrep stats: counts and fatalities per year, month, type, actor or region. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/tabular.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep stats [OPTION]... [FILTER]...\n"
	    "Count events (incidents and context events) and add up fatalities, per group.\n\n"
	    "  -b, --by GROUP       year (default), month, type, actor or region\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR    only events matching EXPR (FILTER words add to it)\n"
	    "  -F, --format FORMAT  table (default), csv, tsv or json\n"
	    "      --raw            csv and tsv: control characters from the data as they\n"
	    "                       are (by default they are written as \\xHH)\n"
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "An event with several actors counts once for each of them with --by actor.\n");
}

struct grouping {
	const char *name;
	const char *key; /* SQL over e, written by the program */
	const char *order;
};

/* A stored date the timeline cannot read (any other type, text that is
 * no YYYY[-MM[-DD]] of years 0001-9999, a day such as 2022-02-31: SQLite's
 * date() with a modifier gives a date back unchanged only when it exists)
 * counts under "invalid", as the timeline shows it, not under its first
 * characters. */
#define DATE_OK                                                                                    \
	"typeof(e.date_start) = 'text' AND e.date_start >= '0001' AND"                             \
	" (date(e.date_start, '+0 days') IS e.date_start"                                          \
	" OR date(e.date_start || '-01', '+0 days') IS e.date_start || '-01'"                      \
	" OR date(e.date_start || '-01-01', '+0 days') IS e.date_start || '-01-01')"

static const struct grouping groupings[] = {
    {"year", "CASE WHEN " DATE_OK " THEN substr(e.date_start, 1, 4) ELSE 'invalid' END", "1"},
    {"month", "CASE WHEN " DATE_OK " THEN substr(e.date_start, 1, 7) ELSE 'invalid' END", "1"},
    {"type", "coalesce(e.event_type, '(none)')", "2 DESC, 1"},
    {"region", "coalesce(e.admin1, '(none)')", "2 DESC, 1"},
    {"actor", NULL, "2 DESC, 1"},
};

static const struct out_col cols[] = {
    {"group", 12, 1, false, false},     {"events", 7, 0, true, false},
    {"incidents", 9, 0, true, false},   {"context", 7, 0, true, false},
    {"fatalities", 10, 0, true, false},
};

static void build_sql(struct strbuf *sql, const struct grouping *g, const struct sqlfrag *where)
{
	const char *cond = sqlfrag_empty(where) ? "1" : sb_str(&where->sql);
	if (g->key)
		sb_addf(sql,
			"SELECT %s, count(*), sum(e.kind = 'incident'), sum(e.kind = 'context'),"
			" count_sum(e.fatalities), count_bad(e.fatalities) FROM event e"
			" WHERE (%s) GROUP BY 1 ORDER BY %s",
			g->key, cond, g->order);
	else
		sb_addf(
		    sql,
		    "SELECT a.name, count(*), sum(x.kind = 'incident'), sum(x.kind = 'context'),"
		    " count_sum(x.fatalities), count_bad(x.fatalities) FROM (SELECT DISTINCT"
		    " ea.actor_id AS actor_id, e.id,"
		    " e.kind AS kind, e.fatalities AS fatalities FROM event e JOIN event_actor ea"
		    " ON ea.event_id = e.id WHERE (%s)) x JOIN actor a ON a.id = x.actor_id"
		    " GROUP BY a.id ORDER BY %s",
		    cond, g->order);
}

static int run(sqlite3 *db, const struct grouping *g, const struct sqlfrag *where,
	       enum out_format fmt, bool raw)
{
	struct strbuf sql = STRBUF_INIT;
	build_sql(&sql, g, where);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL) != SQLITE_OK ||
	    (!sqlfrag_empty(where) && sqlfrag_bind(where, st, 1) < 0)) {
		sb_free(&sql);
		return cli_fail(db_error(db));
	}
	sb_free(&sql);
	struct out o;
	out_begin(&o, stdout, fmt, cols, (int)ARRAY_SIZE(cols), 60);
	o.controls = out_controls_for(stdout, raw);
	/* Sums saturate at LLONG_MAX rather than overflow (count_sum), and
	 * figures that are not counts are left out; both are said. */
	long long total[4] = {0}, bad = 0;
	bool saturated = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char num[4][24];
		const char *v[5];
		char *group = db_column_dup(st, 0);
		v[0] = group;
		for (int i = 0; i < 4; i++) {
			long long x = sqlite3_column_int64(st, i + 1);
			total[i] = db_sum_add(total[i], x);
			saturated |= x == LLONG_MAX || total[i] == LLONG_MAX;
			snprintf(num[i], sizeof(num[i]), "%lld", x);
			v[i + 1] = num[i];
		}
		bad = db_sum_add(bad, sqlite3_column_int64(st, 5));
		out_row(&o, v);
		free(group);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		out_end(&o);
		return cli_fail(db_error(db));
	}
	if (fmt == OUT_TABLE && g->key) {
		char num[4][24];
		const char *v[5] = {"total"};
		for (int i = 0; i < 4; i++) {
			snprintf(num[i], sizeof(num[i]), "%lld", total[i]);
			v[i + 1] = num[i];
		}
		out_row(&o, v);
	}
	out_end(&o);
	if (saturated)
		warnx_("fatalities: a sum passed %lld and is shown as %lld (the file holds "
		       "figures that large)",
		       LLONG_MAX, LLONG_MAX);
	if (bad > 0)
		warnx_("fatalities: %lld event%s hold%s a figure that is not a count (text, a "
		       "negative number...), left out of the sums",
		       bad, bad == 1 ? "" : "s", bad == 1 ? "s" : "");
	return EXIT_OK;
}

int cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"by", required_argument, NULL, 'b'},
						 {"format", required_argument, NULL, 'F'},
						 {"raw", no_argument, NULL, 'R'},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	const struct grouping *g = &groupings[0];
	enum out_format fmt = OUT_TABLE;
	bool raw = false;
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "b:d:f:hF:", longopts, &w)) != -1) {
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
		if (opt == 'b') {
			g = NULL;
			for (size_t i = 0; i < ARRAY_SIZE(groupings); i++)
				if (strcmp(optarg, groupings[i].name) == 0)
					g = &groupings[i];
			if (g)
				continue;
			cli_usage_error("stats",
					"--by: expected year, month, type, actor or region, "
					"not '%s'",
					optarg);
		} else if (opt == 'F') {
			cli_usage_error("stats",
					"--format: expected table, csv, tsv or json, not '%s'",
					optarg);
		} else {
			cli_usage_error("stats", "bad usage");
		}
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
	if (status == 0)
		status = run(db, g, &where, fmt, raw);
	sqlfrag_free(&where);
	db_close(db);
out:
	free(w.words);
	return status;
}
