/* db_counts: event_count, the number of events for each combination of
 * the few-valued fields that no index serves well (inter1:, inter2:,
 * disorder:, geo_precision:, civilians:, precision:), so that `sitrep
 * count` of one of them sums a few hundred rows instead of reading a
 * million (query/count_fast.c).
 *
 * The store keeps it exact in the transaction that changes the events:
 * an event about to be updated leaves its old combination in
 * temp.count_old (db_counts_forget), and at the commit (db_counts_commit)
 * those are taken off and the new rows (ids above the mark in
 * event_count_to, the highest id counted: new events get higher ids) and
 * the updated ones are added. A reader trusts the table only while the
 * mark is the highest id (count_fast.c), so events added by a writer that
 * does not know it make it count the slow way. Triggers could not do it:
 * sitrep opens every file with triggers off (db.c's harden).
 *
 * A file made before gains the table, filled from its events, when it is
 * next opened for writing; read-only, such a file is counted the slow way. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

/* An event's combination, over the row of table "event". */
#define COUNT_KEY                                                                                  \
	"coalesce(json_extract(extra, '$.inter1'), ''),"                                           \
	" coalesce(json_extract(extra, '$.inter2'), ''),"                                          \
	" coalesce(json_extract(extra, '$.disorder_type'), ''), coalesce(geo_precision, 0),"       \
	" CASE WHEN json_extract(extra, '$.civilian_targeting') IS NULL THEN 'no' ELSE 'yes' END," \
	" CASE WHEN date_precision <> 'day' THEN date_precision"                                   \
	" WHEN date_end <> date_start THEN 'range' ELSE 'day' END"
#define COUNT_COLS "inter1, inter2, disorder, geo_precision, civilians, precision"

const char sitrep_counts_sql[] =
    "-- Events per combination of the few-valued fields, for `sitrep count`\n"
    "-- (src/store/db_counts.c); '' or 0 where an event has no value; exact\n"
    "-- while event_count_to holds the highest event id.\n"
    "CREATE TABLE event_count (\n"
    "  inter1        TEXT NOT NULL,\n"
    "  inter2        TEXT NOT NULL,\n"
    "  disorder      TEXT NOT NULL,\n"
    "  geo_precision INTEGER NOT NULL,\n"
    "  civilians     TEXT NOT NULL, -- 'yes' or 'no'\n"
    "  precision     TEXT NOT NULL, -- 'day', 'range', 'month' or 'year'\n"
    "  n             INTEGER NOT NULL,\n"
    "  PRIMARY KEY (" COUNT_COLS ")\n"
    ") WITHOUT ROWID;\n"
    "-- The highest event id event_count has counted (one row).\n"
    "CREATE TABLE event_count_to (id INTEGER NOT NULL);\n";

static int run(sqlite3 *db, const char *sql, const char *path, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	*err = xasprintf("%s: cannot keep the event counts: %s%s", path ? path : "database",
			 msg ? msg : "?", db_busy_hint(db));
	sqlite3_free(msg);
	return -1;
}

/* One combination and its events, in a table addressed by hash. */
struct combo {
	char *key; /* the six values, each length-prefixed (values may hold any byte) */
	size_t len;
	unsigned long long hash;
	long long n;
};

struct combos {
	struct combo *v;
	size_t n, cap; /* cap a power of two, at most half full */
};

static unsigned long long hash_of(const char *s, size_t len)
{
	unsigned long long h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void combos_add(struct combos *t, char *key, size_t len)
{
	unsigned long long h = hash_of(key, len);
	if (2 * (t->n + 1) > t->cap) {
		struct combos g = {xcalloc(t->cap ? 2 * t->cap : 64, sizeof *g.v), t->n,
				   t->cap ? 2 * t->cap : 64};
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->v[i].key)
				continue;
			size_t j = t->v[i].hash & (g.cap - 1);
			while (g.v[j].key)
				j = (j + 1) & (g.cap - 1);
			g.v[j] = t->v[i];
		}
		free(t->v);
		*t = g;
	}
	size_t j = h & (t->cap - 1);
	for (; t->v[j].key; j = (j + 1) & (t->cap - 1))
		if (t->v[j].hash == h && t->v[j].len == len && memcmp(t->v[j].key, key, len) == 0) {
			t->v[j].n++;
			free(key);
			return;
		}
	t->v[j] = (struct combo){key, len, h, 1};
	t->n++;
}

/* The events with ids above the mark and those updated, added, the mark
 * moved to the highest id. Counted here in a hash table, not by GROUP BY:
 * SQLite's sort of every row's six values cost more than reading them. */
static int add_new(sqlite3 *db, const char *path, char **err)
{
	sqlite3_stmt *st = NULL, *up = NULL;
	struct combos t = {0};
	int rc = sqlite3_prepare_v2(db,
				    "SELECT " COUNT_KEY " FROM event"
				    " WHERE id > (SELECT coalesce(max(id), 0) FROM event_count_to)"
				    " OR id IN (SELECT id FROM temp.count_old)",
				    -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct strbuf k = STRBUF_INIT;
		for (int c = 0; c < 6; c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			unsigned len = (unsigned)sqlite3_column_bytes(st, c);
			sb_addf(&k, "%u:", len);
			sb_addn(&k, v ? v : "", len);
		}
		size_t len = k.len;
		combos_add(&t, sb_detach(&k), len);
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_DONE)
		rc = sqlite3_prepare_v2(db,
					"INSERT INTO event_count VALUES (?, ?, ?, ?, ?, ?, ?)"
					" ON CONFLICT DO UPDATE SET n = n + excluded.n",
					-1, &up, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < t.cap; i++) {
		if (!t.v[i].key)
			continue;
		const char *p = t.v[i].key;
		for (int c = 0; c < 6; c++) {
			char *colon;
			unsigned long len = strtoul(p, &colon, 10);
			if (c == 3) { /* geo_precision: the integer's text, up to its length */
				char num[24] = "";
				memcpy(num, colon + 1, len < sizeof num - 1 ? len : sizeof num - 1);
				sqlite3_bind_int64(up, c + 1, strtoll(num, NULL, 10));
			} else {
				sqlite3_bind_text(up, c + 1, colon + 1, (int)len, SQLITE_STATIC);
			}
			p = colon + 1 + len;
		}
		sqlite3_bind_int64(up, 7, t.v[i].n);
		rc = sqlite3_step(up) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_reset(up);
	}
	for (size_t i = 0; i < t.cap; i++)
		free(t.v[i].key);
	free(t.v);
	sqlite3_finalize(up);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot keep the event counts: %s", path ? path : "database",
				 sqlite3_errmsg(db));
		return -1;
	}
	return run(db,
		   "DELETE FROM event_count_to;"
		   " INSERT INTO event_count_to SELECT coalesce(max(id), 0) FROM event;"
		   " DELETE FROM temp.count_old;",
		   path, err);
}

/* 1 when the table is there and its mark is the highest id, 0 when not, -1 on error. */
static int counts_current(sqlite3 *db, bool *table)
{
	sqlite3_stmt *st;
	int rc = -1;

	*table = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE name = 'event_count_to'", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	*table = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!*table)
		return 0;
	if (sqlite3_prepare_v2(db, DB_COUNTS_CURRENT_SQL, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		rc = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int db_add_counts(sqlite3 *db, const char *path, char **err)
{
	bool table;

	if (run(db,
		"CREATE TEMP TABLE IF NOT EXISTS count_old (id INTEGER PRIMARY KEY, " COUNT_COLS
		")",
		path, err) < 0)
		return -1;
	int cur = counts_current(db, &table);
	if (cur == 1)
		return 0;
	/* New, or left behind by a writer that did not keep it (a file that
	 * bench/gen-events made with the sqlite3 shell, an older sitrep):
	 * counted again from the events. */
	if (run(db, "BEGIN IMMEDIATE", path, err) < 0)
		return -1;
	if ((!table && run(db, sitrep_counts_sql, path, err) < 0) ||
	    run(db, "DELETE FROM event_count; DELETE FROM event_count_to", path, err) < 0 ||
	    add_new(db, path, err) < 0 || run(db, "COMMIT", path, err) < 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Once per event (an event updated twice keeps its first, counted,
 * combination); above the mark, the event is not counted yet. Prepared
 * once by the store: prepared per update it was a tenth of an update's
 * time. */
const char db_counts_forget_sql[] =
    "INSERT OR IGNORE INTO temp.count_old SELECT id, " COUNT_KEY " FROM event WHERE id = ?1"
    " AND id <= (SELECT coalesce(max(id), 0) FROM event_count_to)";

/* The extra fields of COUNT_KEY, the stored row's against ?21's (the
 * new extra, numbered as store_bind_event numbers it): an
 * update whose new extra (an ACLED revision's timestamp, say) leaves them
 * as they were leaves its combination as it was. Some difference the key
 * folds away (NULL against '') only costs a needless forget. */
#define EXTRA_DIFFERS(key) "json_extract(?21, '$." key "') IS NOT json_extract(extra, '$." key "')"
const char db_counts_extra_differs_sql[] = "(" EXTRA_DIFFERS("inter1") " OR " EXTRA_DIFFERS(
    "inter2") " OR " EXTRA_DIFFERS("disorder_type") " OR (json_extract(?21, '$.civilian_targeting')"
						    " IS NULL) IS NOT (json_extract(extra,"
						    " '$.civilian_targeting') IS NULL))";

int db_counts_commit(sqlite3 *db, bool dates_changed, char **err)
{
	/* event_day is read from the date index whole: only when an event
	 * came, went or moved (a re-import of revised figures moves none) */
	if (dates_changed && db_count_days(db, err) < 0)
		return -1;
	double t0 = monotonic_ms();
	int rc =
	    run(db,
		"UPDATE event_count SET n = event_count.n - o.n FROM (SELECT " COUNT_COLS
		", count(*) AS n FROM temp.count_old GROUP BY 1, 2, 3, 4, 5, 6) AS o"
		" WHERE (event_count.inter1, event_count.inter2, event_count.disorder,"
		" event_count.geo_precision, event_count.civilians, event_count.precision) ="
		" (o.inter1, o.inter2, o.disorder, o.geo_precision, o.civilians, o.precision);",
		NULL, err);
	if (rc == 0)
		rc = add_new(db, NULL, err);
	if (rc == 0 && timing_on())
		fprintf(stderr, "timing: event counts kept in %.1f ms\n", monotonic_ms() - t0);
	return rc;
}
