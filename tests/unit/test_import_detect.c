/* Unit tests for format detection by header, every ACLED generation and
 * both UCDP GED layouts. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/import_detect.h"
#include "sitrep/import_map.h"
#include "sitrep/import_reader.h"

struct kind {
	char layout[IMPORT_LAYOUT_MAX];
};

/* Detect the header line text (a CSV record) through the readers' table:
 * the reader's name, or "unknown". */
static const char *detect(const char *text, struct kind *k)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	struct csv_reader *r = csv_open(f, ',');
	struct csv_record rec;
	assert_int_equal(csv_read(r, &rec), 1);
	struct import_probe p = {text, strlen(text), &rec};
	const struct import_reader *rd = import_reader_detect(&p, k->layout, sizeof(k->layout));
	csv_close(r);
	fclose(f);
	return rd ? rd->name : "unknown";
}

static void test_acled_generations(void **state)
{
	struct kind k;
	assert_string_equal(detect("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,"
				   "TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,"
				   "ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,"
				   "LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,"
				   "FATALITIES,,,\r\n",
				   &k),
			    "acled");
	assert_string_equal(k.layout, "ACLED legacy layout (2016, upper case, 25 columns)");
	assert_string_equal(detect("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,"
				   "time_precision,event_type,actor1,assoc_actor_1,inter1,actor2,"
				   "assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
				   "admin3,location,latitude,longitude,geo_precision,source,"
				   "source_scale,notes,fatalities,timestamp,iso3\n",
				   &k),
			    "acled");
	assert_string_equal(k.layout, "ACLED 2019 export (data_id, 30 columns)");
	assert_string_equal(detect("\xEF\xBB\xBF"
				   "event_date,event_id_cnty,sub_event_type,Actor1,"
				   "fatalities,notes\n",
				   &k),
			    "acled");
	assert_non_null(strstr(k.layout, "sub_event_type"));
	assert_string_equal(
	    detect("event_id_cnty,event_date,disorder_type,actor1,fatalities,tags\n", &k), "acled");
	assert_non_null(strstr(k.layout, "current"));
}

static void test_ucdp_layouts(void **state)
{
	struct kind k;
	assert_string_equal(detect("id,year,side_a,side_b,date_start,date_end,low,best,high\n", &k),
			    "ucdp");
	assert_string_equal(k.layout, "UCDP GED layout (9 columns)");
	assert_string_equal(
	    detect("id,relid,year,side_a,side_b,date_start,date_end,best,high,low\n", &k), "ucdp");
	assert_string_equal(k.layout, "UCDP GED 23+ layout (10 columns)");
}

static void test_others(void **state)
{
	struct kind k;
	assert_string_equal(detect("osm_node_id,name,name_en,place_type,lat,lon,population\n", &k),
			    "places");
	assert_string_equal(detect("a,b,c\n", &k), "unknown");
	/* a trimmed export: a table of events */
	assert_string_equal(detect("event_id_cnty,event_date\n", &k), "csv");
	assert_string_equal(k.layout, "a table of events, 2 columns");
	assert_true(import_is_native("# sitrep-data 1\n", 16));
	assert_true(import_is_native("\xEF\xBB\xBF# sitrep-data 1\n", 19));
	assert_false(import_is_native("# sitrep", 8));
	assert_string_equal(import_reader_find("ACLED")->name, "acled");
	assert_null(import_reader_find("auto"));
	char names[128];
	import_reader_names(names, sizeof(names));
	assert_string_equal(names, "native, places, acled, ucdp, csv");
}

static void test_columns(void **state)
{
	static const char *const names[] = {"event_date", "assoc_actor_1|ally_actor_1", "nope"};
	const char *text = " EVENT_DATE ,x,ALLY_ACTOR_1\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct csv_reader *r = csv_open(f, ',');
	struct csv_record rec;
	assert_int_equal(csv_read(r, &rec), 1);
	int idx[3];
	import_columns(&rec, names, 3, idx);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 2);
	assert_int_equal(idx[2], -1);
	csv_close(r);
	fclose(f);
}

/* dBASE's ten-character names (a shapefile's table, as GDAL cuts them). */
static void test_dbase_names(void **state)
{
	static const char *const names[] = {"geo_precision", ACLED_ASSOC1, ACLED_ASSOC2,
					    "time_precision", "event_date"};
	const char *text = "EVENT_DATE,ASSOC_ACTO,GEO_PRECIS,ASSOC_AC_1,TIME_PREC\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct csv_reader *r = csv_open(f, ',');
	struct csv_record rec;
	assert_int_equal(csv_read(r, &rec), 1);
	int idx[5];
	import_columns(&rec, names, 5, idx);
	assert_int_equal(idx[0], 2);  /* GEO_PRECIS */
	assert_int_equal(idx[1], 1);  /* ASSOC_ACTO */
	assert_int_equal(idx[2], 3);  /* ASSOC_AC_1 */
	assert_int_equal(idx[3], -1); /* nine characters are no cut */
	assert_int_equal(idx[4], 0);
	csv_close(r);
	fclose(f);
	/* the cut of a numbered name is not a match: a monadic shapefile's
	 * ASSOC_ACTO is the first side's, not a second side */
	struct kind k;
	assert_string_equal(
	    detect("EVENT_ID_C,EVENT_DATE,ACTOR1,ASSOC_ACTO,INTER1,FATALITIES\n", &k), "acled");
	assert_non_null(strstr(k.layout, "monadic"));
	assert_string_equal(detect("event_id_cnty,event_date,actor1,ally_actor_1,gwno,fatalities,"
				   "actor2,ally_actor_2\n",
				   &k),
			    "acled");
	assert_string_equal(k.layout, "ACLED legacy layout (2016, lower case, 8 columns)");
}

/* --map NAME=COLUMN renames header cells, any case, before detection. */
static void test_map(void **state)
{
	char *err = NULL;
	assert_int_equal(import_map_check("event_date=Date,location=Place", &err), 0);
	assert_int_equal(import_map_check("event_date", &err), -1);
	assert_non_null(strstr(err, "NAME=COLUMN, not 'event_date'"));
	free(err);
	assert_int_equal(import_map_check("event_date=Date,=x", &err), -1);
	free(err);
	assert_int_equal(import_map_check("", &err), -1);
	free(err);

	struct csv_record h = {3, NULL, NULL, 1};
	const char *cells[] = {" Day ", "Place", "Deaths"};
	h.fields = malloc(3 * sizeof(char *));
	h.lengths = malloc(3 * sizeof(size_t));
	for (int i = 0; i < 3; i++) {
		h.fields[i] = strdup(cells[i]);
		h.lengths[i] = strlen(cells[i]);
	}
	assert_int_equal(import_map_apply("event_date=day,fatalities=DEATHS", &h, &err), 0);
	assert_string_equal(h.fields[0], "event_date");
	assert_int_equal(h.lengths[0], 10);
	assert_string_equal(h.fields[1], "Place");
	assert_string_equal(h.fields[2], "fatalities");
	struct kind k;
	struct import_probe p = {"", 0, &h};
	assert_non_null(import_reader_detect(&p, k.layout, sizeof(k.layout)));
	assert_string_equal(k.layout, "a table of events, 3 columns, ids from each row's content");
	assert_int_equal(import_map_apply("location=Town", &h, &err), -1);
	assert_string_equal(err, "--map location=Town: the header has no column 'Town'");
	free(err);
	for (int i = 0; i < 3; i++)
		free(h.fields[i]);
	free(h.fields);
	free(h.lengths);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_acled_generations),
	    cmocka_unit_test(test_ucdp_layouts),
	    cmocka_unit_test(test_others),
	    cmocka_unit_test(test_columns),
	    cmocka_unit_test(test_dbase_names),
	    cmocka_unit_test(test_map),
	};
	return cmocka_run_group_tests_name("import_detect", tests, NULL, NULL);
}
