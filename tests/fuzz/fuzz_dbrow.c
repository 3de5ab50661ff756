/* libFuzzer harness: a database whose columns hold anything. SQLite keeps
 * any type in any column of a file made elsewhere, so the input becomes
 * typed values (NULL, integers, reals, text, blobs, long text, telling
 * constants) in every column of an event, its actors, sources, places and
 * meta, in tables without types or constraints; then every reader runs
 * over them: the timeline's pages, the detail record, list and show in
 * each of their formats, stats by every grouping and every export. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/event_record.h"
#include "sitrep/export.h"
#include "sitrep/query.h"
#include "fuzz_cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tables sitrep reads, with its column names and nothing else. */
static const char schema[] =
    "CREATE TABLE meta (key, value);"
    "CREATE TABLE event (id INTEGER PRIMARY KEY, kind, date_start, date_end, date_precision,"
    " title, description, event_type, sub_event_type, location, admin1, admin2, country,"
    " lat, lon, geo_precision, fatalities, fatalities_low, fatalities_high, fatalities_note,"
    " origin, origin_id, extra, fingerprint, actor_names);"
    "CREATE TABLE actor (id INTEGER PRIMARY KEY, name, kind, parent_id, description);"
    "CREATE TABLE actor_alias (folded, alias, actor_id);"
    "CREATE TABLE event_actor (event_id, actor_id, role);"
    "CREATE TABLE source (id INTEGER PRIMARY KEY, event_id, title, publisher, url, published,"
    " quote, fatalities);"
    "CREATE TABLE place (id INTEGER PRIMARY KEY, name, name_en, folded, kind, admin1, lat,"
    " lon, population, osm_id);"
    "CREATE TABLE event_day (date_start, events, context);";

#define EVENT_COLS  24
#define ACTOR_COLS  4
#define SOURCE_COLS 6
#define PLACE_COLS  9

struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void take(struct in *in, void *out, size_t n)
{
	memset(out, 0, n);
	size_t k = n < in->n ? n : in->n;
	memcpy(out, in->p, k);
	in->p += k;
	in->n -= k;
}

static const long long ints[] = {
    0, -1, 1, INT64_MAX, INT64_MIN, INT64_MAX - 1, 99999, -99999, 2147483648LL, 1000000000000LL};
static const double reals[] = {0.0,    -0.0, 999.0,  -999.0, 1e308,
			       -1e308, 90.0, -180.5, 12.65,  1e-300};
static const char *const texts[] = {"",
				    "0",
				    "2022",
				    "2022-01",
				    "2022-01-10",
				    "0000-00-00",
				    "99999-01-01",
				    "-2022-01-01",
				    "2020-13-45",
				    "2022-01-10..2022-01-01",
				    "day",
				    "month",
				    "year",
				    "incident",
				    "context",
				    "actor1",
				    "actor2",
				    "target",
				    "assoc",
				    "acled",
				    "ucdp",
				    "{\"a\":\"b\"}",
				    "{",
				    "{\"k\":1}",
				    "nan",
				    "1e999",
				    "capital",
				    "\x1b]52;c;AAA\x07",
				    "\xff\xfe",
				    "Bamako",
				    "9223372036854775807",
				    "-9223372036854775808",
				    "12.5abc"};

/* One value into parameter i of st. */
static void bind_value(struct in *in, sqlite3_stmt *st, int i)
{
	unsigned tag = byte(in) % 9, len;
	long long v;
	double d;
	char *big;
	switch (tag) {
	case 0:
		sqlite3_bind_null(st, i);
		break;
	case 1:
		take(in, &v, sizeof(v));
		sqlite3_bind_int64(st, i, v);
		break;
	case 2:
		sqlite3_bind_int64(st, i, ints[byte(in) % (sizeof(ints) / sizeof(ints[0]))]);
		break;
	case 3:
		take(in, &d, sizeof(d));
		sqlite3_bind_double(st, i, d); /* NaN binds as NULL */
		break;
	case 4:
		sqlite3_bind_double(st, i, reals[byte(in) % (sizeof(reals) / sizeof(reals[0]))]);
		break;
	case 5:
	case 6:
		len = byte(in);
		len = len < in->n ? len : (unsigned)in->n;
		if (tag == 5)
			sqlite3_bind_text(st, i, (const char *)in->p, (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_bind_blob(st, i, in->p, (int)len, SQLITE_TRANSIENT);
		in->p += len;
		in->n -= len;
		break;
	case 7:
		sqlite3_bind_text(st, i, texts[byte(in) % (sizeof(texts) / sizeof(texts[0]))], -1,
				  SQLITE_STATIC);
		break;
	case 8: /* long text: up to 64 KiB of one byte (the 1 MiB case is in
		   tests/cli/hostile-db.sh) */
		len = (byte(in) % 16 + 1) * 4096;
		big = malloc(len);
		memset(big, (int)(byte(in) | 1), len);
		sqlite3_bind_text(st, i, big, (int)len, free);
		break;
	}
}

static sqlite3 *db;
static sqlite3_stmt *ins_event, *ins_actor, *ins_ea, *ins_source, *ins_place, *ins_meta;

static void prepare(sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		abort();
}

static void setup(void)
{
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		abort();
	db_register_functions(db);
	prepare(&ins_event, "INSERT INTO event VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
			    " ?25)");
	prepare(&ins_actor, "INSERT INTO actor VALUES (?1, ?2, ?3, ?4, ?5)");
	prepare(&ins_ea, "INSERT INTO event_actor VALUES (?1, ?2, ?3)");
	prepare(&ins_source, "INSERT INTO source VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	prepare(&ins_place, "INSERT INTO place VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	prepare(&ins_meta, "INSERT INTO meta VALUES (?1, ?2)");
	fuzz_cli_setup();
}

static void insert(sqlite3_stmt *st, struct in *in, int first, int ncols)
{
	for (int i = first; i <= ncols; i++)
		bind_value(in, st, i);
	sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void fill(struct in *in)
{
	sqlite3_exec(db,
		     "DELETE FROM meta; DELETE FROM event; DELETE FROM actor;"
		     " DELETE FROM event_actor; DELETE FROM source; DELETE FROM place",
		     NULL, NULL, NULL);
	int nevents = (int)(byte(in) % 3) + 1;
	for (int e = 1; e <= nevents; e++) {
		sqlite3_bind_int64(ins_event, 1, e);
		insert(ins_event, in, 2, EVENT_COLS + 1);
	}
	int nactors = (int)(byte(in) % 4);
	for (int a = 1; a <= nactors; a++) {
		sqlite3_bind_int64(ins_actor, 1, a);
		insert(ins_actor, in, 2, ACTOR_COLS + 1);
		sqlite3_bind_int64(ins_ea, 1, (byte(in) % nevents) + 1);
		sqlite3_bind_int64(ins_ea, 2, a);
		insert(ins_ea, in, 3, 3);
	}
	int nsources = (int)(byte(in) % 4);
	for (int s = 0; s < nsources; s++) {
		sqlite3_bind_int64(ins_source, 1, (byte(in) % nevents) + 1);
		insert(ins_source, in, 2, SOURCE_COLS + 1);
	}
	int nplaces = (int)(byte(in) % 3);
	for (int p = 0; p < nplaces; p++)
		insert(ins_place, in, 1, PLACE_COLS);
	if (byte(in) & 1) {
		sqlite3_bind_text(ins_meta, 1, "capital", -1, SQLITE_STATIC);
		insert(ins_meta, in, 2, 2);
	}
}

static void read_all(void)
{
	char *err = NULL;
	struct query q = {.db = db};
	struct event_row *rows = NULL;
	size_t n = 0;
	if (query_page(&q, NULL, QUERY_FORWARD, false, 10, &rows, &n, &err) == 0 && n > 0) {
		struct event_key key;
		event_row_key(&rows[0], &key);
		query_page(&q, &key, QUERY_BACKWARD, false, 10, &rows, &n, &err);
		free(err);
		err = NULL;
		query_page(&q, &key, QUERY_FORWARD, true, 10, &rows, &n, &err);
	}
	event_rows_free(rows, n);
	free(err);
	err = NULL;
	for (long long id = 1; id <= 3; id++) {
		struct event_record r;
		if (event_record_load(db, id, &r, &err) == 0)
			event_record_free(&r);
		free(err);
		err = NULL;
		fuzz_cli_show(db, id);
	}
	static const char *const formats[] = {"csv", "tsv", "json", "acled", "native"};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		export_write(db, NULL, formats[i], fuzz_cli_null, &err);
		free(err);
		err = NULL;
	}
	fuzz_cli_list(db);
	fuzz_cli_stats(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	struct in in = {data, size};
	fill(&in);
	read_all();
	return 0;
}
