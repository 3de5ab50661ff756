/* places: the gazetteer (table place) and geometry on the sphere:
 * great-circle distance, initial bearing, compass points, nearest place,
 * and look-up by name (accent-insensitive, most populous first). */
#ifndef SITREP_PLACES_H
#define SITREP_PLACES_H

#include <sqlite3.h>
#include <stddef.h>

struct place {
	long long id;
	char *name;
	char *admin1;
	char *kind;
	double lat, lon;
	long long population; /* -1 unknown */
};

/* A point seen from a place: "36 km E of Bamako". */
struct place_rel {
	char name[128];
	double km;
	double bearing; /* degrees from north, from the place to the point */
};

double geo_distance_km(double lat1, double lon1, double lat2, double lon2);
/* Initial bearing from point 1 to point 2, 0..360. */
double geo_bearing(double lat1, double lon1, double lat2, double lon2);
/* "N", "NE", "E", ... (8 points) */
const char *geo_compass(double bearing);
/* "36 km E of Bamako"; "in Bamako" under 1 km. */
void place_rel_format(const struct place_rel *rel, char *buf, size_t size);

/* The gazetteer place nearest (lat, lon). Returns 0, 1 when the gazetteer
 * is empty, -1 on error. */
int places_nearest(sqlite3 *db, double lat, double lon, struct place *out, char **err);
/* Places whose name (or English name) folds equal to name, most populous
 * first. Returns the count (0 none), -1 on error. */
int places_lookup(sqlite3 *db, const char *name, struct place **out, char **err);
/* The capital (meta key 'capital' names a gazetteer place). 0, 1 none, -1. */
int places_capital(sqlite3 *db, struct place *out, char **err);
/* The capital of country for distances ("36 km E of Ouagadougou"): the
 * one data/capitals.txt names, placed by the country's own events at that
 * location (places_from_events); the data set's capital (places_capital)
 * when it is that one or the country is not listed (or NULL). 0, 1 none,
 * -1 on error. */
int places_capital_of(sqlite3 *db, const char *country, struct place *out, char **err);
/* Where the events at a location named name (case and accents ignored;
 * in country unless NULL) most often are: *lat, *lon and how many events
 * sit there. The database's own gazetteer, for a place the bundled one
 * lacks. 0, 1 when no event has that location with coordinates, -1. */
int places_from_events(sqlite3 *db, const char *name, const char *country, double *lat, double *lon,
		       long long *events, char **err);
/* The text of data/capitals.txt, as built in. */
extern const char sitrep_capitals_txt[];

void place_free(struct place *p);
void places_free(struct place *p, int n);

#endif
