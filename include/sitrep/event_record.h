/* event_record: one event's whole record for the detail views (sitrep show, the
 * TUI's detail view): every column, its actors with roles, its sources,
 * and where it lies relative to the capital and the nearest place. */
#ifndef SITREP_EVENT_RECORD_H
#define SITREP_EVENT_RECORD_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/date.h"
#include "sitrep/places.h"

struct event_record_actor {
	long long id;
	char *name;
	char *kind;
	char *role;
	char *parent; /* parent actor's name, or NULL */
};

struct event_record_source {
	char *title, *publisher, *url, *published, *quote;
	long long fatalities; /* -1 when none, DB_BAD_COUNT when not a count */
};

struct event_record {
	long long id;
	char *kind;
	struct date_span date; /* DATE_INVALID_DAY when the dates cannot be read */
	/* Columns the schema declares NOT NULL are never NULL here ("?"
	 * when a file from elsewhere leaves them NULL); the others may be. */
	char *date_start, *date_end, *date_precision; /* as stored */
	char *title, *description, *event_type, *sub_event_type;
	char *location, *admin1, *admin2, *country;
	bool has_coords;
	bool coords_invalid; /* something is stored that is not a place on the globe */
	double lat, lon;
	int geo_precision; /* 0 unknown */
	/* -1 unknown, DB_BAD_COUNT (db.h) when what is stored is not a count */
	long long fatalities, fatalities_low, fatalities_high;
	char *fatalities_note;
	char *origin, *origin_id;
	struct event_record_actor *actors;
	int nactors;
	struct event_record_source *sources;
	int nsources;
	/* Relative position; valid when has_coords and the gazetteer knows. */
	bool has_capital, has_nearest;
	struct place_rel capital; /* from the capital (meta 'capital') */
	struct place_rel nearest; /* from the nearest gazetteer place */
};

/* Load event id. Returns 0, 1 when there is no such event, -1 on error. */
int event_record_load(sqlite3 *db, long long id, struct event_record *r, char **err);
void event_record_free(struct event_record *r);

/* True when the sources give different figures (shown side by side). */
bool event_record_figures_disagree(const struct event_record *r);

#endif
