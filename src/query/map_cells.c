/* map_cells: see map_cells.h. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/map_cells.h"
#include "sitrep/map_rank.h"
#include "sitrep/util.h"

/* Rows whose coordinates are numbers on the globe; anything else stored
 * there (text, blobs from a file made elsewhere) is left off the map. */
#define ON_GLOBE                                                                                   \
	"typeof(e.lat) IN ('real', 'integer') AND typeof(e.lon) IN ('real', 'integer') AND "       \
	"e.lat BETWEEN -90 AND 90 AND e.lon BETWEEN -180 AND 180"

/* head " FROM event e WHERE ON_GLOBE [AND (where)]" more, prepared with
 * every value bound in order. NULL after setting *err. */
static sqlite3_stmt *prepare(sqlite3 *db, const struct sqlfrag *head, const struct sqlfrag *where,
			     const struct sqlfrag *more, char **err)
{
	struct sqlfrag q;
	sqlite3_stmt *st = NULL;

	sqlfrag_init(&q);
	sqlfrag_append(&q, head);
	sqlfrag_sql(&q, " FROM event e WHERE " ON_GLOBE);
	if (where && !sqlfrag_empty(where)) {
		sqlfrag_sql(&q, " AND (");
		sqlfrag_append(&q, where);
		sqlfrag_sql(&q, ")");
	}
	if (more)
		sqlfrag_append(&q, more);
	if (sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &st, NULL) != SQLITE_OK ||
	    sqlfrag_bind(&q, st, 1) < 0) {
		*err = db_error(db);
		sqlite3_finalize(st);
		st = NULL;
	}
	sqlfrag_free(&q);
	return st;
}

int map_extent(const struct query *q, struct geo_extent *ext, long long *n, char **err)
{
	struct sqlfrag head;

	sqlfrag_init(&head);
	sqlfrag_sql(&head, "SELECT count(*), min(e.lat), max(e.lat), min(e.lon), max(e.lon)");
	sqlite3_stmt *st = prepare(q->db, &head, q->where, NULL, err);
	sqlfrag_free(&head);
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		*err = db_error(q->db);
		sqlite3_finalize(st);
		return -1;
	}
	*n = sqlite3_column_int64(st, 0);
	if (*n > 0) {
		ext->lat_min = sqlite3_column_double(st, 1);
		ext->lat_max = sqlite3_column_double(st, 2);
		ext->lon_min = sqlite3_column_double(st, 3);
		ext->lon_max = sqlite3_column_double(st, 4);
	}
	sqlite3_finalize(st);
	return 0;
}

/* " AND e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?" for the view. */
static void in_view(struct sqlfrag *f, const struct geo_extent *e, const char *alias)
{
	char col[32];

	snprintf(col, sizeof(col), " AND %s.lat BETWEEN ", alias);
	sqlfrag_sql(f, col);
	sqlfrag_real(f, e->lat_min);
	sqlfrag_sql(f, " AND ");
	sqlfrag_real(f, e->lat_max);
	snprintf(col, sizeof(col), " AND %s.lon BETWEEN ", alias);
	sqlfrag_sql(f, col);
	sqlfrag_real(f, e->lon_min);
	sqlfrag_sql(f, " AND ");
	sqlfrag_real(f, e->lon_max);
}

/* The statement counting the view's cells: grouped (one row a cell), or
 * one row an event for a count in steps (a GROUP BY does all its work in
 * its first step). Columns: col, row, count. */
static sqlite3_stmt *cells_statement(const struct query *q, const struct projection *p,
				     bool grouped, char **err)
{
	struct geo_extent e;
	struct sqlfrag head, box;

	projection_extent(p, &e);
	/* Cells from the view's corner: in view, both offsets are >= 0, so
	 * CAST's truncation is the floor. */
	sqlfrag_init(&head);
	sqlfrag_sql(&head, "SELECT CAST((e.lon - ");
	sqlfrag_real(&head, e.lon_min);
	sqlfrag_sql(&head, ") * ");
	sqlfrag_real(&head, p->cols / (e.lon_max - e.lon_min));
	sqlfrag_sql(&head, " AS INTEGER) AS c, CAST((");
	sqlfrag_real(&head, e.lat_max);
	sqlfrag_sql(&head, " - e.lat) * ");
	sqlfrag_real(&head, p->rows / (e.lat_max - e.lat_min));
	sqlfrag_sql(&head, grouped ? " AS INTEGER) AS r, count(*)" : " AS INTEGER) AS r, 1");
	sqlfrag_init(&box);
	in_view(&box, &e, "e");
	if (grouped)
		sqlfrag_sql(&box, " GROUP BY c, r");
	sqlite3_stmt *st = prepare(q->db, &head, q->where, &box, err);
	sqlfrag_free(&head);
	sqlfrag_free(&box);
	return st;
}

/* Adds the row's count to its cell. */
static void count_row(sqlite3_stmt *st, int cols, int rows, long long *counts, long long *drawn)
{
	long long c = sqlite3_column_int64(st, 0), r = sqlite3_column_int64(st, 1);
	long long n = sqlite3_column_int64(st, 2);
	/* the far edges of the box fall on the next cell: keep them in */
	if (c >= cols)
		c = cols - 1;
	if (r >= rows)
		r = rows - 1;
	if (c < 0 || r < 0)
		return;
	counts[r * cols + c] += n;
	*drawn += n;
}

int map_cells(const struct query *q, const struct projection *p, long long *counts,
	      long long *drawn, char **err)
{
	memset(counts, 0, sizeof(*counts) * (size_t)p->cols * (size_t)p->rows);
	*drawn = 0;
	sqlite3_stmt *st = cells_statement(q, p, true, err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_row(st, p->cols, p->rows, counts, drawn);
	if (rc != SQLITE_DONE)
		*err = db_error(q->db);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int map_count_begin(const struct query *q, const struct projection *p, struct map_count *mc,
		    char **err)
{
	memset(mc, 0, sizeof(*mc));
	mc->db = q->db;
	mc->cols = p->cols;
	mc->rows = p->rows;
	mc->counts = xcalloc((size_t)p->cols * (size_t)p->rows + 1, sizeof(*mc->counts));
	mc->st = cells_statement(q, p, false, err);
	if (!mc->st) {
		map_count_free(mc);
		return -1;
	}
	return 0;
}

int map_extent_begin(const struct query *q, struct map_count *mc, char **err)
{
	struct sqlfrag head;

	memset(mc, 0, sizeof(*mc));
	mc->db = q->db;
	mc->extent = true;
	sqlfrag_init(&head);
	sqlfrag_sql(&head, "SELECT e.lat, e.lon");
	mc->st = prepare(q->db, &head, q->where, NULL, err);
	sqlfrag_free(&head);
	return mc->st ? 0 : -1;
}

/* Widens the extent to the row's point. */
static void extent_row(struct map_count *mc)
{
	double lat = sqlite3_column_double(mc->st, 0), lon = sqlite3_column_double(mc->st, 1);
	struct geo_extent *e = &mc->ext;

	if (mc->points++ == 0) {
		*e = (struct geo_extent){lat, lat, lon, lon};
		return;
	}
	e->lat_min = lat < e->lat_min ? lat : e->lat_min;
	e->lat_max = lat > e->lat_max ? lat : e->lat_max;
	e->lon_min = lon < e->lon_min ? lon : e->lon_min;
	e->lon_max = lon > e->lon_max ? lon : e->lon_max;
}

int map_count_step(struct map_count *mc, int budget_ms, char **err)
{
	double deadline = monotonic_ms() + budget_ms;
	int rc = SQLITE_ROW;

	if (mc->done)
		return 0;
	for (unsigned n = 1; (rc = sqlite3_step(mc->st)) == SQLITE_ROW; n++) {
		if (mc->extent)
			extent_row(mc);
		else
			count_row(mc->st, mc->cols, mc->rows, mc->counts, &mc->drawn);
		/* the clock costs more than a row; look at it every 256 */
		if ((n & 255) == 0 && monotonic_ms() >= deadline)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(mc->db);
		return -1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(mc->st);
		mc->st = NULL;
		mc->done = true;
	}
	return mc->done ? 0 : 1;
}

void map_count_free(struct map_count *mc)
{
	sqlite3_finalize(mc->st);
	free(mc->counts);
	memset(mc, 0, sizeof(*mc));
}

int map_places(sqlite3 *db, const struct projection *p, int max, struct place **out, char **err)
{
	struct geo_extent e;
	struct sqlfrag q;
	sqlite3_stmt *st = NULL;
	int n = 0, rc;

	*out = NULL;
	if (max <= 0)
		return 0;
	projection_extent(p, &e);
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT p.name, p.lat, p.lon, p.population, p.kind FROM place p "
			"WHERE p.kind IN ('city', 'town')");
	in_view(&q, &e, "p");
	sqlfrag_sql(&q, " ORDER BY CASE p.kind WHEN 'city' THEN 0 WHEN 'town' THEN 1 ELSE 2 END, "
			"p.population IS NULL, p.population DESC, p.id LIMIT ");
	sqlfrag_int(&q, max);
	if (sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &st, NULL) != SQLITE_OK ||
	    sqlfrag_bind(&q, st, 1) < 0) {
		*err = db_error(db);
		sqlfrag_free(&q);
		sqlite3_finalize(st);
		return -1;
	}
	sqlfrag_free(&q);
	*out = xcalloc((size_t)max, sizeof(**out));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		const unsigned char *name = sqlite3_column_text(st, 0);
		struct place *pl = &(*out)[n];
		if (!name || db_column_coords(st, 1, &pl->lat, &pl->lon) <= 0)
			continue;
		pl->name = xstrdup((const char *)name);
		pl->kind = xstrdup((const char *)sqlite3_column_text(st, 4));
		pl->population =
		    sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(db);
		places_free(*out, n);
		*out = NULL;
		return -1;
	}
	return n;
}

int map_place_events(const struct query *q, const struct place *pl, int n, const int *order, int k,
		     int budget_ms, long long *at_place, char **err)
{
	double deadline = monotonic_ms() + budget_ms;

	memset(at_place, 0, (size_t)n * sizeof(*at_place));
	for (int i = 0; i < k && i < n && monotonic_ms() < deadline; i++) {
		const struct place *a = &pl[order[i]];
		const double d = MAP_RANK_PLACE_DEG;
		struct geo_extent box = {a->lat - d, a->lat + d, a->lon - d, a->lon + d};
		struct sqlfrag head, more;
		sqlfrag_init(&head);
		sqlfrag_init(&more);
		sqlfrag_sql(&head, "SELECT count(*)");
		/* the box's rows first (the coordinates' index), then the
		 * filter on those few: never the filter's events, then the box */
		sqlfrag_sql(&more, " AND e.rowid IN (SELECT rowid FROM event WHERE 1");
		in_view(&more, &box, "event");
		sqlfrag_sql(&more, ")");
		sqlite3_stmt *st = prepare(q->db, &head, q->where, &more, err);
		sqlfrag_free(&head);
		sqlfrag_free(&more);
		if (!st)
			return -1;
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			at_place[order[i]] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			*err = db_error(q->db);
			return -1;
		}
	}
	return 0;
}

long long map_rows_cells(const struct row_set *rows, const struct projection *p, long long *counts)
{
	long long drawn = 0;
	memset(counts, 0, (size_t)p->cols * (size_t)p->rows * sizeof(*counts));
	for (size_t i = 0; rows && i < rows->n; i++) {
		const struct event_row *r = &rows->v[i];
		double col, row;
		if (!r->has_coords || !projection_to_cell(p, r->lat, r->lon, &col, &row) ||
		    (int)col >= p->cols || (int)row >= p->rows)
			continue;
		counts[(size_t)row * (size_t)p->cols + (size_t)col]++;
		drawn++;
	}
	return drawn;
}
