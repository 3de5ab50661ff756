/* event_record: one event's whole record (see event_record.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/event_record.h"
#include "sitrep/util.h"

/* Columns the schema declares NOT NULL, which a file made elsewhere can
 * still leave NULL: "?" so that every reader can print them. */
#define MISSING "?"

static void read_dates(struct event_record *r)
{
	struct date_span a, b;
	if (date_parse_iso(r->date_start, &a) == 0) {
		r->date = a;
		if (date_parse_iso(r->date_end, &b) == 0 && b.end >= a.start)
			r->date.end = b.end;
	} else {
		date_span_invalid(&r->date);
	}
	if (date_prec_parse(r->date_precision, &r->date.prec) < 0)
		r->date.prec = DATE_DAY;
}

static int load_event(sqlite3 *db, long long id, struct event_record *r)
{
	static const char sql[] =
	    "SELECT id, kind, date_start, date_end, date_precision, title, description,"
	    " event_type, sub_event_type, location, admin1, admin2, country, lat, lon,"
	    " geo_precision, fatalities, fatalities_low, fatalities_high, fatalities_note,"
	    " origin, origin_id FROM event WHERE id = ?";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : -1;
	}
	r->id = sqlite3_column_int64(st, 0);
	r->kind = db_column_dup_or(st, 1, MISSING);
	r->date_start = db_column_dup_or(st, 2, MISSING);
	r->date_end = db_column_dup_or(st, 3, MISSING);
	r->date_precision = db_column_dup_or(st, 4, MISSING);
	r->title = db_column_dup_or(st, 5, MISSING);
	r->description = db_column_dup(st, 6);
	r->event_type = db_column_dup(st, 7);
	r->sub_event_type = db_column_dup(st, 8);
	r->location = db_column_dup(st, 9);
	r->admin1 = db_column_dup(st, 10);
	r->admin2 = db_column_dup(st, 11);
	r->country = db_column_dup(st, 12);
	int coords = db_column_coords(st, 13, &r->lat, &r->lon);
	r->has_coords = coords > 0;
	r->coords_invalid = coords < 0;
	long long geo = db_column_count(st, 15);
	r->geo_precision = geo > 0 && geo <= 1000 ? (int)geo : 0;
	r->fatalities = db_column_count(st, 16);
	r->fatalities_low = db_column_count(st, 17);
	r->fatalities_high = db_column_count(st, 18);
	r->fatalities_note = db_column_dup(st, 19);
	r->origin = db_column_dup_or(st, 20, MISSING);
	r->origin_id = db_column_dup_or(st, 21, MISSING);
	sqlite3_finalize(st);
	read_dates(r);
	return 0;
}

static int load_actors(sqlite3 *db, struct event_record *r)
{
	static const char sql[] =
	    "SELECT a.id, a.name, a.kind, ea.role, p.name FROM event_actor ea"
	    " JOIN actor a ON a.id = ea.actor_id LEFT JOIN actor p ON p.id = a.parent_id"
	    " WHERE ea.event_id = ? ORDER BY CASE ea.role WHEN 'actor1' THEN 0"
	    " WHEN 'claimed' THEN 1 WHEN 'actor2' THEN 2 WHEN 'assoc' THEN 3 ELSE 4 END, a.name";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* grown in doubling steps (capacity: the next power of two), so
		 * that 100,000 actors are not copied 100,000 times */
		if ((r->nactors & (r->nactors - 1)) == 0)
			r->actors = xrealloc(r->actors, (size_t)(r->nactors ? 2 * r->nactors : 1) *
							    sizeof(*r->actors));
		struct event_record_actor *a = &r->actors[r->nactors++];
		a->id = sqlite3_column_int64(st, 0);
		a->name = db_column_dup_or(st, 1, MISSING);
		a->kind = db_column_dup(st, 2);
		a->role = db_column_dup_or(st, 3, MISSING);
		a->parent = db_column_dup(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_sources(sqlite3 *db, struct event_record *r)
{
	static const char sql[] = "SELECT title, publisher, url, published, quote, fatalities"
				  " FROM source WHERE event_id = ? ORDER BY id";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r->nsources & (r->nsources - 1)) == 0) /* as the actors */
			r->sources =
			    xrealloc(r->sources, (size_t)(r->nsources ? 2 * r->nsources : 1) *
						     sizeof(*r->sources));
		struct event_record_source *s = &r->sources[r->nsources++];
		s->title = db_column_dup(st, 0);
		s->publisher = db_column_dup(st, 1);
		s->url = db_column_dup(st, 2);
		s->published = db_column_dup(st, 3);
		s->quote = db_column_dup(st, 4);
		s->fatalities = db_column_count(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void relate(const struct place *p, const struct event_record *r, struct place_rel *rel)
{
	snprintf(rel->name, sizeof(rel->name), "%s", p->name ? p->name : "?");
	rel->km = geo_distance_km(p->lat, p->lon, r->lat, r->lon);
	rel->bearing = geo_bearing(p->lat, p->lon, r->lat, r->lon);
}

static int load_position(sqlite3 *db, struct event_record *r, char **err)
{
	if (!r->has_coords)
		return 0;
	struct place p;
	/* The capital of the event's country, not the data set's for all. */
	int rc = places_capital_of(db, r->country, &p, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		relate(&p, r, &r->capital);
		r->has_capital = true;
		place_free(&p);
	}
	rc = places_nearest(db, r->lat, r->lon, &p, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		relate(&p, r, &r->nearest);
		r->has_nearest = true;
		place_free(&p);
	}
	return 0;
}

int event_record_load(sqlite3 *db, long long id, struct event_record *r, char **err)
{
	memset(r, 0, sizeof(*r));
	int rc = load_event(db, id, r);
	if (rc == 1)
		return 1;
	if (rc < 0 || load_actors(db, r) < 0 || load_sources(db, r) < 0) {
		*err = db_error(db);
		event_record_free(r);
		return -1;
	}
	if (load_position(db, r, err) < 0) {
		event_record_free(r);
		return -1;
	}
	return 0;
}

void event_record_free(struct event_record *r)
{
	char **fields[] = {&r->kind,
			   &r->date_start,
			   &r->date_end,
			   &r->date_precision,
			   &r->title,
			   &r->description,
			   &r->event_type,
			   &r->sub_event_type,
			   &r->location,
			   &r->admin1,
			   &r->admin2,
			   &r->country,
			   &r->fatalities_note,
			   &r->origin,
			   &r->origin_id};
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		free(*fields[i]);
	for (int i = 0; i < r->nactors; i++) {
		free(r->actors[i].name);
		free(r->actors[i].kind);
		free(r->actors[i].role);
		free(r->actors[i].parent);
	}
	free(r->actors);
	for (int i = 0; i < r->nsources; i++) {
		struct event_record_source *s = &r->sources[i];
		free(s->title);
		free(s->publisher);
		free(s->url);
		free(s->published);
		free(s->quote);
	}
	free(r->sources);
	memset(r, 0, sizeof(*r));
}

bool event_record_figures_disagree(const struct event_record *r)
{
	long long first = -1;
	for (int i = 0; i < r->nsources; i++) {
		long long f = r->sources[i].fatalities;
		if (f < 0)
			continue;
		if (first >= 0 && f != first)
			return true;
		first = f;
	}
	return false;
}
