/* places: the gazetteer and spherical geometry (see places.h). */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/places.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

#define EARTH_RADIUS_KM 6371.0088 /* mean radius (IUGG) */
#define DEG             (M_PI / 180.0)

double geo_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	/* Haversine: well-conditioned at the short distances this is used for. */
	double dlat = (lat2 - lat1) * DEG, dlon = (lon2 - lon1) * DEG;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * DEG) * cos(lat2 * DEG) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * EARTH_RADIUS_KM * atan2(sqrt(a), sqrt(1 - a));
}

double geo_bearing(double lat1, double lon1, double lat2, double lon2)
{
	double p1 = lat1 * DEG, p2 = lat2 * DEG, dl = (lon2 - lon1) * DEG;
	double y = sin(dl) * cos(p2);
	double x = cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl);
	double b = atan2(y, x) / DEG;
	return fmod(b + 360.0, 360.0);
}

const char *geo_compass(double bearing)
{
	static const char *const points[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
	if (!isfinite(bearing))
		return "?";
	int i = (int)floor(fmod(bearing + 22.5, 360.0) / 45.0);
	return points[i & 7];
}

void place_rel_format(const struct place_rel *rel, char *buf, size_t size)
{
	char *name = text_sanitized(rel->name, 0);
	if (rel->km < 1.0)
		snprintf(buf, size, "in %s", name);
	else
		snprintf(buf, size, "%.0f km %s of %s", rel->km, geo_compass(rel->bearing), name);
	free(name);
}

/* A place row; false when its coordinates are not a place on the globe
 * (a gazetteer from elsewhere can hold anything), which every reader
 * then skips. */
static bool read_place(sqlite3_stmt *st, struct place *p)
{
	memset(p, 0, sizeof(*p));
	if (db_column_coords(st, 4, &p->lat, &p->lon) <= 0)
		return false;
	p->id = sqlite3_column_int64(st, 0);
	p->name = db_column_dup_or(st, 1, DB_NOT_TEXT);
	p->admin1 = db_column_dup(st, 2);
	p->kind = db_column_dup(st, 3);
	long long pop = db_column_count(st, 6);
	p->population = pop >= 0 ? pop : -1;
	return true;
}

#define PLACE_COLS "id, name, admin1, kind, lat, lon, population"

int places_nearest(sqlite3 *db, double lat, double lon, struct place *out, char **err)
{
	/* Search a widening latitude band on the index, then measure exactly;
	 * a band of r degrees holds every place within r * 111 km. */
	static const char sql[] = "SELECT " PLACE_COLS " FROM place WHERE lat BETWEEN ? AND ?";
	double best = INFINITY;
	bool found = false;
	struct place p;
	for (double r = 0.25; r <= 64 && !found; r *= 4) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
			*err = db_error(db);
			return -1;
		}
		sqlite3_bind_double(st, 1, lat - r);
		sqlite3_bind_double(st, 2, lat + r);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			double plat, plon;
			if (db_column_coords(st, 4, &plat, &plon) <= 0)
				continue;
			double d = geo_distance_km(lat, lon, plat, plon);
			/* Only trust a hit inside the band's guaranteed radius. */
			if (d < best && d <= r * 111.0 && read_place(st, &p)) {
				if (found)
					place_free(out);
				*out = p;
				best = d;
				found = true;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			/* a damaged page half-way: nothing kept */
			if (found)
				place_free(out);
			*err = db_error(db);
			return -1;
		}
	}
	return found ? 0 : 1;
}

int places_lookup(sqlite3 *db, const char *name, struct place **out, char **err)
{
	static const char sql[] = "SELECT " PLACE_COLS " FROM place WHERE folded = ?1"
				  " OR (name_en IS NOT NULL AND fold(name_en) = ?1)"
				  " ORDER BY population IS NULL, population DESC, kind, id";
	sqlite3_stmt *st;
	*out = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	char *folded = text_fold(name);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof(**out));
		n += read_place(st, &(*out)[n]);
	}
	sqlite3_finalize(st);
	free(folded);
	if (rc != SQLITE_DONE || n == 0) {
		places_free(*out, n);
		*out = NULL;
	}
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return n;
}

int places_capital(sqlite3 *db, struct place *out, char **err)
{
	char *name = db_meta(db, "capital");
	if (!name)
		return 1;
	struct place *cands;
	int n = places_lookup(db, name, &cands, err);
	free(name);
	if (n <= 0)
		return n < 0 ? -1 : 1;
	*out = cands[0];
	for (int i = 1; i < n; i++)
		place_free(&cands[i]);
	free(cands);
	return 0;
}

/* The most frequent coordinates of the events at a location folding
 * equal to name (in country, when given). The location index is walked
 * only over the values whose first byte could fold to name's: both cases
 * of an ASCII first letter, and every value starting with a non-ASCII
 * byte (from U+00C0: an accented letter folds to ASCII). */
int places_from_events(sqlite3 *db, const char *name, const char *country, double *lat, double *lon,
		       long long *events, char **err)
{
	static const char sql[] =
	    "SELECT lat, lon, count(*) AS n FROM event"
	    " WHERE ((location >= ?1 AND location < ?2) OR (location >= ?3 AND location < ?4)"
	    "  OR location >= char(192)) AND fold(location) = ?5 AND (?6 IS NULL OR fold(country) "
	    "= ?6)"
	    " AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180"
	    " GROUP BY lat, lon ORDER BY n DESC, lat, lon LIMIT 1";
	char *folded = text_fold(name);
	sqlite3_stmt *st;
	int rc;

	if (!folded[0]) {
		free(folded);
		return 1;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		free(folded);
		*err = db_error(db);
		return -1;
	}
	unsigned char c = (unsigned char)folded[0];
	char lo[2] = {(char)c, 0}, lo_end[2] = {(char)(c + 1), 0};
	char up[2] = {(char)(c >= 'a' && c <= 'z' ? c - 32 : c), 0};
	char up_end[2] = {(char)(up[0] + 1), 0};
	if (c >= 0x7f) /* a non-ASCII first letter: char(192) on covers it */
		lo[0] = lo_end[0] = up[0] = up_end[0] = 0x7f;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lo_end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, up, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, up_end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, folded, -1, SQLITE_STATIC);
	char *country_folded = country ? text_fold(country) : NULL;
	if (country_folded)
		sqlite3_bind_text(st, 6, country_folded, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*lat = sqlite3_column_double(st, 0);
		*lon = sqlite3_column_double(st, 1);
		*events = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	free(folded);
	free(country_folded);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*err = db_error(db);
	return -1;
}

/* The capital data/capitals.txt gives country ("COUNTRY | CAPITAL |
 * SOURCE" lines), a fresh string, or NULL. */
static char *capital_named(const char *country)
{
	char *want = text_fold(country), *found = NULL;

	for (const char *p = sitrep_capitals_txt; *p && !found;) {
		const char *end = strchr(p, '\n'), *bar = strstr(p, " | ");
		if (!end)
			end = p + strlen(p);
		if (*p != '#' && bar && bar < end) {
			char *c = xstrndup(p, (size_t)(bar - p));
			char *f = text_fold(c);
			const char *cap = bar + 3, *cap_end = strstr(cap, " | ");
			if (strcmp(f, want) == 0 && cap_end && cap_end < end)
				found = xstrndup(cap, (size_t)(cap_end - cap));
			free(f);
			free(c);
		}
		p = *end ? end + 1 : end;
	}
	free(want);
	return found;
}

static bool fold_equal(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	bool same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

int places_capital_of(sqlite3 *db, const char *country, struct place *out, char **err)
{
	char *name = country ? capital_named(country) : NULL;
	char *own = db_meta(db, "capital");
	int rc = 1;

	/* The data set's own capital, when the event is in that country (or
	 * the country is not listed), is a place of its gazetteer. */
	if (!name || (own && fold_equal(name, own))) {
		free(name);
		free(own);
		return places_capital(db, out, err);
	}
	free(own);
	/* Another country's: its own events at that name place it (a
	 * gazetteer of one country may hold a village of the same name). */
	double lat, lon;
	long long n;
	rc = places_from_events(db, name, country, &lat, &lon, &n, err);
	if (rc == 0)
		*out = (struct place){.name = name, .lat = lat, .lon = lon, .population = -1};
	else
		free(name);
	return rc;
}

void place_free(struct place *p)
{
	free(p->name);
	free(p->admin1);
	free(p->kind);
	memset(p, 0, sizeof(*p));
}

void places_free(struct place *p, int n)
{
	for (int i = 0; i < n; i++)
		place_free(&p[i]);
	free(p);
}
