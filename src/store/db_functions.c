/* db_functions: the SQL functions sitrep adds to every connection it
 * opens (db_register_functions, see db.h): fold(), search_hit(),
 * count_sum(), count_bad(), layer_name(); split out of db.c, which opens
 * and upgrades files. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>

#include "sitrep/db.h"
#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/util.h"

static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = text_fold((const char *)s);
	sqlite3_result_text(ctx, f, -1, free);
}

/* search_hit(text, needle): 1 when the TUI's search finds needle (a
 * text_search_needle) in text, folded; 0 otherwise, NULL text too. */
static void sql_search_hit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	const unsigned char *needle = sqlite3_value_text(argv[1]);
	if (!s || !needle) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	char *f = text_fold((const char *)s);
	sqlite3_result_int(ctx, text_search_find(f, (const char *)needle, NULL) >= 0);
	free(f);
}

/* count_sum(x): the counts among x added up, saturating at LLONG_MAX
 * (SQL's sum() fails on an overflow, and a file can hold any figure);
 * count_bad(x): how many values of x are not counts. */
static void count_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	long long *sum = sqlite3_aggregate_context(ctx, sizeof(*sum));
	long long c = db_value_count(argv[0]);
	if (!sum)
		return;
	if (sqlite3_user_data(ctx))
		*sum += c == DB_BAD_COUNT;
	else if (c > 0)
		*sum = db_sum_add(*sum, c);
}

static void count_final(sqlite3_context *ctx)
{
	long long *sum = sqlite3_aggregate_context(ctx, 0);
	sqlite3_result_int64(ctx, sum ? *sum : 0);
}

long long db_sum_add(long long a, long long b)
{
	if (b > 0 && a > LLONG_MAX - b)
		return LLONG_MAX;
	if (b < 0 && a < LLONG_MIN - b)
		return LLONG_MIN;
	return a + b;
}

/* layer_name(): the context layer a connection's events belong to ("" for
 * the browsed file), so that the filter's layer: field is one expression
 * whatever file it is compiled against. */
static void layer_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, sqlite3_user_data(ctx), -1, SQLITE_STATIC);
}

void db_set_layer_name(sqlite3 *db, const char *name)
{
	sqlite3_create_function_v2(db, "layer_name", 0,
				   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				   xstrdup(name), layer_name, NULL, NULL, free);
}

void db_register_functions(sqlite3 *db)
{
	db_set_layer_name(db, "");
	static int bad = 1;
	sqlite3_create_function(db, "count_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL,
				count_step, count_final);
	sqlite3_create_function(db, "count_bad", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, &bad, NULL,
				count_step, count_final);
	sqlite3_create_function(db, "fold", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_fold, NULL, NULL);
	db_register_json(db);
	sqlite3_create_function(db, "search_hit", 2,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_search_hit, NULL, NULL);
}
