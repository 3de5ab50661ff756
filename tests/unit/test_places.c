/* Unit tests: distance, bearing, compass, and the gazetteer look-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/places.h"
#include "sitrep/store.h"

#define BAMAKO      12.6493, -8.0003
#define KASSELA     12.5904, -7.6703
#define MARKACOUNGO 12.7375, -7.2770
#define KATI        12.7383, -8.0718

static void test_distance(void **state)
{
	/* Figures from the reference table: about 36, 79 and 12.6 km. */
	assert_float_equal(geo_distance_km(BAMAKO, KASSELA), 36.4, 1.0);
	assert_float_equal(geo_distance_km(BAMAKO, MARKACOUNGO), 79.0, 1.5);
	assert_float_equal(geo_distance_km(BAMAKO, KATI), 12.6, 0.5);
	assert_float_equal(geo_distance_km(BAMAKO, BAMAKO), 0.0, 1e-9);
	/* One degree of latitude is about 111.2 km. */
	assert_float_equal(geo_distance_km(0, 0, 1, 0), 111.2, 0.1);
}

static void test_bearing(void **state)
{
	assert_float_equal(geo_bearing(0, 0, 1, 0), 0.0, 1e-6);
	assert_float_equal(geo_bearing(0, 0, 0, 1), 90.0, 1e-6);
	assert_float_equal(geo_bearing(0, 0, -1, 0), 180.0, 1e-6);
	assert_float_equal(geo_bearing(0, 0, 0, -1), 270.0, 1e-6);
	assert_string_equal(geo_compass(geo_bearing(BAMAKO, KASSELA)), "E");
	assert_string_equal(geo_compass(geo_bearing(BAMAKO, KATI)), "NW");
}

static void test_compass(void **state)
{
	assert_string_equal(geo_compass(0), "N");
	assert_string_equal(geo_compass(22.4), "N");
	assert_string_equal(geo_compass(22.6), "NE");
	assert_string_equal(geo_compass(180), "S");
	assert_string_equal(geo_compass(337.6), "N");
	assert_string_equal(geo_compass(359.9), "N");
	assert_string_equal(geo_compass(270), "W");
}

static void test_rel_format(void **state)
{
	struct place_rel rel = {"Bamako", 36.4, 100};
	char buf[128];
	place_rel_format(&rel, buf, sizeof(buf));
	assert_string_equal(buf, "36 km E of Bamako");
	rel.km = 0.4;
	place_rel_format(&rel, buf, sizeof(buf));
	assert_string_equal(buf, "in Bamako");
	/* Names from data are sanitised. */
	snprintf(rel.name, sizeof(rel.name), "Ba\033[2Jmako");
	rel.km = 5;
	place_rel_format(&rel, buf, sizeof(buf));
	assert_null(strchr(buf, '\033'));
}

static void test_gazetteer(void **state)
{
	char path[256], *err = NULL;
	snprintf(path, sizeof(path), "/tmp/sitrep-test-places-%d.db", (int)getpid());
	unlink(path);
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	store_begin(s, &err);
	assert_int_equal(store_place(s, "Bamako", NULL, "city", NULL, BAMAKO, 1809106, 1, &err), 0);
	assert_int_equal(store_place(s, "Kati", NULL, "town", NULL, KATI, -1, 2, &err), 0);
	assert_int_equal(store_place(s, "Kati", NULL, "hamlet", NULL, 16.116, -3.726, 50, 3, &err),
			 0);
	assert_int_equal(store_place(s, "Ségou", NULL, "city", NULL, 13.4415, -6.2681, -1, 4, &err),
			 0);
	assert_int_equal(store_meta(s, "capital", "Bamako", &err), 0);
	store_commit(s, &err);
	sqlite3 *db = store_db(s);

	struct place p;
	assert_int_equal(places_nearest(db, 12.74, -8.07, &p, &err), 0);
	assert_string_equal(p.name, "Kati");
	place_free(&p);
	assert_int_equal(places_nearest(db, 13.40, -6.20, &p, &err), 0);
	assert_string_equal(p.name, "Ségou");
	place_free(&p);

	struct place *c;
	assert_int_equal(places_lookup(db, "segou", &c, &err), 1);
	assert_string_equal(c[0].name, "Ségou");
	places_free(c, 1);
	int n = places_lookup(db, "KATI", &c, &err);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].population, 50); /* known population first */
	places_free(c, n);
	assert_int_equal(places_lookup(db, "Bamkao", &c, &err), 0);

	assert_int_equal(places_capital(db, &p, &err), 0);
	assert_string_equal(p.name, "Bamako");
	place_free(&p);
	store_close(s);
	unlink(path);
}

/* A place the gazetteer lacks, from the events' own locations; the
 * capital of an event's country (data/capitals.txt). */
static void test_events_as_gazetteer(void **state)
{
	char path[256], *err = NULL;
	snprintf(path, sizeof(path), "/tmp/sitrep-test-places-ev-%d.db", (int)getpid());
	unlink(path);
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	store_begin(s, &err);
	assert_int_equal(store_place(s, "Bamako", NULL, "city", NULL, BAMAKO, 1809106, 1, &err), 0);
	assert_int_equal(store_meta(s, "capital", "Bamako", &err), 0);
	store_commit(s, &err);
	sqlite3 *db = store_db(s);
	/* Three events at one point, two (one spelt in lower case) at another. */
	assert_int_equal(
	    sqlite3_exec(db,
			 "INSERT INTO event (kind, date_start, date_end, date_precision, title,"
			 " location, country, lat, lon, origin, origin_id) VALUES"
			 " ('incident', '2022-01-01', '2022-01-01', 'day', 't', 'Ouagadougou',"
			 "  'Burkina Faso', 12.37, -1.52, 'test', '1'),"
			 " ('incident', '2022-01-02', '2022-01-02', 'day', 't', 'Ouagadougou',"
			 "  'Burkina Faso', 12.37, -1.52, 'test', '2'),"
			 " ('incident', '2022-01-03', '2022-01-03', 'day', 't', 'Ouagadougou',"
			 "  'Burkina Faso', 12.37, -1.52, 'test', '3'),"
			 " ('incident', '2022-01-04', '2022-01-04', 'day', 't', 'Ouagadougou',"
			 "  'Burkina Faso', 12.40, -1.50, 'test', '4'),"
			 " ('incident', '2022-01-05', '2022-01-05', 'day', 't', 'ouagadougou',"
			 "  'Burkina Faso', 12.40, -1.50, 'test', '5'),"
			 " ('incident', '2022-01-06', '2022-01-06', 'day', 't', 'Ézé',"
			 "  'Chad', 10.0, 15.0, 'test', '6'),"
			 " ('incident', '2022-01-07', '2022-01-07', 'day', 't', 'Niamey',"
			 "  NULL, NULL, NULL, 'test', '7');",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	double lat, lon;
	long long n;
	assert_int_equal(places_from_events(db, "OUAGADOUGOU", NULL, &lat, &lon, &n, &err), 0);
	assert_true(lat == 12.37 && lon == -1.52);
	assert_int_equal(n, 3);
	assert_int_equal(places_from_events(db, "eze", NULL, &lat, &lon, &n, &err), 0);
	assert_true(lat == 10.0 && n == 1);
	assert_int_equal(places_from_events(db, "Ouagadougou", "Mali", &lat, &lon, &n, &err), 1);
	/* No coordinates: no place. */
	assert_int_equal(places_from_events(db, "Niamey", NULL, &lat, &lon, &n, &err), 1);

	struct place p;
	assert_int_equal(places_capital_of(db, "burkina faso", &p, &err), 0);
	assert_string_equal(p.name, "Ouagadougou");
	assert_true(p.lat == 12.37);
	place_free(&p);
	/* The data set's own country and unlisted ones: its capital. */
	assert_int_equal(places_capital_of(db, "Mali", &p, &err), 0);
	assert_string_equal(p.name, "Bamako");
	place_free(&p);
	assert_int_equal(places_capital_of(db, "Synthetica", &p, &err), 0);
	assert_string_equal(p.name, "Bamako");
	place_free(&p);
	assert_int_equal(places_capital_of(db, NULL, &p, &err), 0);
	assert_string_equal(p.name, "Bamako");
	place_free(&p);
	/* Listed, but no event places Niamey: none, never Bamako. */
	assert_int_equal(places_capital_of(db, "Niger", &p, &err), 1);
	store_close(s);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_distance),  cmocka_unit_test(test_bearing),
	    cmocka_unit_test(test_compass),   cmocka_unit_test(test_rel_format),
	    cmocka_unit_test(test_gazetteer), cmocka_unit_test(test_events_as_gazetteer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
