/* sitrep stats: counts and fatalities per year, month, type, actor or region. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/before_after.h"
#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/distance.h"
#include "sitrep/event_lookup.h"
#include "sitrep/places.h"
#include "sitrep/tabular.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
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
	    "      --around ID      the filter's incidents before and after the context\n"
	    "                       event ID (sitrep's number or its origin id): events,\n"
	    "                       fatalities, by type and region, actors that appear or\n"
	    "                       disappear, median distance from the capital\n"
	    "      --window DAYS    with --around: days each side, as 30d, 90d (default),\n"
	    "                       180d, 365d; before is the DAYS days up to the day\n"
	    "                       before the event, after the DAYS days from the\n"
	    "                       event's own day (that day counts in after)\n"
	    "      --top N          with --around: actors listed each way (default 10)\n"
	    "      --distance       per month (or --by year) the filter's located incidents'\n"
	    "                       median and 10th-percentile distance from the capital\n"
	    "                       in km, and the file's context events in the period\n"
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

/* ---- --around: before and after a context event (before_after.h) ---- */

static const struct out_col around_cols[] = {
    {"figure", 12, 1, false, false},
    {"before", 7, 0, true, false},
    {"after", 7, 0, true, false},
    {"change", 16, 0, true, false},
};

static void around_row(struct out *o, const char *name, double b, double a, int prec)
{
	char nb[32], na[32], ch[64];
	before_after_number(nb, sizeof(nb), b, prec);
	before_after_number(na, sizeof(na), a, prec);
	before_after_change(ch, sizeof(ch), b, a, prec);
	const char *v[4] = {name, nb, na, ch};
	out_row(o, v);
}

static void around_table(const char *title, const struct ba_rows *r)
{
	struct out o;
	struct out_col cols4[4];
	memcpy(cols4, around_cols, sizeof(cols4));
	cols4[0].name = title;
	printf("\n");
	out_begin(&o, stdout, OUT_TABLE, cols4, 4, 72);
	for (size_t i = 0; i < r->n; i++)
		around_row(&o, r->v[i].name, (double)r->v[i].before, (double)r->v[i].after, 0);
	if (r->n == 0) {
		const char *v[4] = {"(none)", NULL, NULL, NULL};
		out_row(&o, v);
	}
	out_end(&o);
}

/* The event ID names: sitrep's number, "#N", or an origin id. 0 found,
 * else the status after printing why. */
static int around_anchor(sqlite3 *db, const char *idarg, long long *id, char *date)
{
	char *err = NULL;
	bool ctx = false, found = true;
	long long n = cli_parse_count(idarg);
	if (n < 0) {
		struct event_key key;
		if (event_find(db, idarg, &key, &found, &err) < 0)
			return cli_fail(err);
		n = key.id;
	}
	int rc = found ? before_after_anchor(db, n, date, &ctx, &err) : 1;
	if (rc < 0)
		return cli_fail(err);
	char *safe = text_sanitized(idarg, 0);
	if (rc == 1)
		warnx_("--around: no event with id %s", safe);
	else if (!ctx)
		warnx_("--around: event %s is an incident, not a context event (see 'sitrep "
		       "list kind:context')",
		       safe);
	free(safe);
	if (rc == 1 || !ctx)
		return EXIT_FAIL;
	*id = n;
	return 0;
}

static int run_around(sqlite3 *db, const char *idarg, int days, int top,
		      const struct sqlfrag *where)
{
	long long id = 0;
	char date[16], *err = NULL;
	int st = around_anchor(db, idarg, &id, date);
	if (st)
		return st;
	struct place cap = {0};
	int has_cap = places_capital(db, &cap, &err);
	if (has_cap < 0)
		return cli_fail(err);
	struct before_after ba;
	if (before_after_compute(db, where, date, days, top, has_cap == 0, cap.lat, cap.lon, &ba,
				 &err) < 0) {
		place_free(&cap);
		return cli_fail(err);
	}
	printf("Around context event %lld (%s), %d days each side; the filter's incidents.\n"
	       "before: %s .. %s\n"
	       "after:  %s .. %s (from the event's own day, which counts in after)\n\n",
	       id, date, days, ba.before_from, ba.before_to, ba.after_from, ba.after_to);
	struct out o;
	out_begin(&o, stdout, OUT_TABLE, around_cols, 4, 72);
	around_row(&o, "events", (double)ba.events[0], (double)ba.events[1], 0);
	around_row(&o, "fatalities", (double)ba.fatalities[0], (double)ba.fatalities[1], 0);
	if (has_cap == 0) {
		/* the capital's name comes from the data: out_row sanitises it */
		struct strbuf name = STRBUF_INIT;
		sb_addf(&name, "median km from %s", cap.name);
		around_row(&o, sb_str(&name), ba.median_km[0], ba.median_km[1], 1);
		sb_free(&name);
	} else {
		const char *v[4] = {"median km", "-", "-", "(no capital in the database)"};
		out_row(&o, v);
	}
	out_end(&o);
	around_table("type", &ba.types);
	around_table("region", &ba.regions);
	around_table("actors that appear", &ba.appear);
	around_table("actors that disappear", &ba.disappear);
	if (ba.bad_fatalities > 0)
		warnx_("fatalities: %lld event%s hold%s a figure that is not a count, left out "
		       "of the sums",
		       ba.bad_fatalities, ba.bad_fatalities == 1 ? "" : "s",
		       ba.bad_fatalities == 1 ? "s" : "");
	before_after_free(&ba);
	place_free(&cap);
	return EXIT_OK;
}

/* ---- --distance: how far from the capital, per month or year (distance.h) ---- */

static const struct out_col distance_cols[] = {
    {"period", 7, 0, false, false},   {"located", 7, 0, true, false},
    {"median_km", 9, 0, true, false}, {"p10_km", 7, 0, true, false},
    {"context", 7, 0, true, false},   {"first_context", 13, 1, false, true},
};

static int run_distance(sqlite3 *db, const struct grouping *g, const struct sqlfrag *where,
			enum out_format fmt, bool raw)
{
	enum bucket_zoom z;
	struct place cap = {0};
	struct distance_series d;
	char *err = NULL;
	if (bucket_zoom_parse(g->name, &z) < 0) {
		cli_usage_error("stats", "--distance goes by month or by year, not by %s", g->name);
		return EXIT_USAGE;
	}
	int rc = places_capital(db, &cap, &err);
	if (rc < 0)
		return cli_fail(err);
	if (rc > 0) {
		warnx_("--distance: the database names no capital (meta key 'capital')");
		return EXIT_FAIL;
	}
	if (distance_compute(db, where, z, cap.lat, cap.lon, &d, &err) < 0) {
		place_free(&cap);
		return cli_fail(err);
	}
	if (fmt == OUT_TABLE) { /* the capital's name comes from the data */
		char *name = text_sanitized(cap.name, 0);
		printf("The filter's located incidents' distance from %s in km, by %s: median and "
		       "10th percentile.\n\n",
		       name, g->name);
		free(name);
	}
	struct out o;
	out_begin(&o, stdout, fmt, distance_cols, (int)ARRAY_SIZE(distance_cols), 60);
	o.controls = out_controls_for(stdout, raw);
	for (size_t i = 0; i < d.n; i++) {
		const struct distance_row *r = &d.v[i];
		char label[BUCKET_LABEL_LEN], n[24], med[32], p10[32], ctx[24];
		bucket_label(z, r->bucket, label);
		snprintf(n, sizeof n, "%lld", r->located);
		snprintf(med, sizeof med, "%.1f", r->median_km);
		snprintf(p10, sizeof p10, "%.1f", r->p10_km);
		snprintf(ctx, sizeof ctx, "%lld", r->context);
		const char *v[6] = {
		    label,           n, r->located ? med : NULL, r->located ? p10 : NULL, ctx,
		    r->context_title};
		out_row(&o, v);
	}
	out_end(&o);
	if (d.undated > 0)
		warnx_("--distance: %lld located incident%s with a date that cannot be read, "
		       "left out",
		       d.undated, d.undated == 1 ? "" : "s");
	distance_series_free(&d);
	place_free(&cap);
	return EXIT_OK;
}

int cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 {"by", required_argument, NULL, 'b'},
						 {"format", required_argument, NULL, 'F'},
						 {"raw", no_argument, NULL, 'R'},
						 {"around", required_argument, NULL, 'A'},
						 {"window", required_argument, NULL, 'W'},
						 {"top", required_argument, NULL, 'T'},
						 {"distance", no_argument, NULL, 'D'},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	const struct grouping *g = &groupings[0];
	enum out_format fmt = OUT_TABLE;
	bool raw = false, by = false, window = false, distance = false;
	const char *around = NULL;
	int days = 90;
	long long top = 10;
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
		if (opt == 'D') {
			distance = true;
			continue;
		}
		if (opt == 'A') {
			around = optarg;
			continue;
		}
		if (opt == 'W' && before_after_window_parse(optarg, &days) == 0) {
			window = true;
			continue;
		}
		if (opt == 'T' && (top = cli_parse_count(optarg)) > 0 && top <= 10000)
			continue;
		if (opt == 'W') {
			cli_usage_error("stats",
					"--window: expected a number of days as 30d, 90d, 180d "
					"or 365d (1d to 36500d), not '%s'",
					optarg);
		} else if (opt == 'T') {
			cli_usage_error("stats", "--top: expected a number 1 to 10000, not '%s'",
					optarg);
		} else if (opt == 'b') {
			by = true;
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
	if (!around && (window || top != 10)) {
		cli_usage_error("stats", "--window and --top go with --around ID");
		goto out;
	}
	if (distance && !by)
		g = &groupings[1]; /* by month */
	if (around && distance) {
		cli_usage_error("stats", "--around and --distance are two reports: one at a time");
		goto out;
	}
	if (around && (by || fmt != OUT_TABLE || raw)) {
		cli_usage_error("stats",
				"--around writes a table: not with --by, --format or --raw");
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
		status = around     ? run_around(db, around, days, (int)top, &where)
			 : distance ? run_distance(db, g, &where, fmt, raw)
				    : run(db, g, &where, fmt, raw);
	sqlfrag_free(&where);
	db_close(db);
out:
	free(w.words);
	return status;
}
