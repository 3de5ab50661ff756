/* Unit tests: saved views round-trip through files under a temporary
 * XDG_CONFIG_HOME; names are checked; broken files are reported. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/saved_views.h"

static char dir[64];

static int setup(void **state)
{
	snprintf(dir, sizeof(dir), "/tmp/sitrep-test-views-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	setenv("XDG_CONFIG_HOME", dir, 1);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_round_trip(void **state)
{
	struct saved_view v, w;
	struct filter_error fe;
	char *err = NULL;

	saved_view_init(&v);
	assert_int_equal(fstack_push(&v.filters, "actor:\"Katiba Macina\" since:2022", &fe), 0);
	assert_int_equal(fstack_push(&v.filters, "a or b", &fe), 0);
	fstack_toggle(&v.filters, 1);
	v.descending = true;
	v.sort = ACTORS_BY_LAST;
	v.zoom = ZOOM_WEEK;
	v.freq_by = FREQ_ACTOR;
	v.freq_sort = FREQ_BY_FATALITIES;
	v.split = true;
	v.split_map = true;
	v.cursor_id = 24;
	strcpy(v.cursor_date, "2022-08-15");
	assert_int_equal(saved_view_save("mopti watch", &v, &err), 0);
	assert_int_equal(saved_view_load("mopti watch", &w, &err), 0);
	assert_int_equal(w.cursor_id, 24);
	assert_string_equal(w.cursor_date, "2022-08-15");
	assert_int_equal(w.filters.n, 3);
	assert_string_equal(w.filters.v[0].text, "actor:\"Katiba Macina\"");
	assert_true(w.filters.v[0].on);
	assert_false(w.filters.v[1].on);
	assert_string_equal(w.filters.v[2].text, "a or b");
	assert_true(w.descending);
	assert_int_equal(w.sort, ACTORS_BY_LAST);
	assert_int_equal(w.zoom, ZOOM_WEEK);
	assert_int_equal(w.freq_by, FREQ_ACTOR);
	assert_int_equal(w.freq_sort, FREQ_BY_FATALITIES);
	assert_true(w.split);
	assert_true(w.split_map);
	saved_view_free(&w);
	/* saving again replaces the file whole */
	fstack_clear(&v.filters);
	v.split = false;
	v.split_map = false;
	v.cursor_id = 0; /* no event selected: no cursor line, none loaded */
	assert_int_equal(saved_view_save("mopti watch", &v, &err), 0);
	assert_int_equal(saved_view_load("mopti watch", &w, &err), 0);
	assert_int_equal(w.cursor_id, 0);
	assert_int_equal(w.filters.n, 0);
	assert_false(w.split);
	assert_false(w.split_map);
	saved_view_free(&w);
	saved_view_free(&v);
}

static void test_names_and_list(void **state)
{
	struct saved_view v;
	char *err = NULL, **names;
	size_t n;

	assert_false(saved_view_name_ok(""));
	assert_false(saved_view_name_ok(".hidden"));
	assert_false(saved_view_name_ok("../escape"));
	assert_false(saved_view_name_ok("a/b"));
	assert_false(saved_view_name_ok("tab\there"));
	assert_true(saved_view_name_ok("Kidal 2023"));
	saved_view_init(&v);
	assert_int_equal(saved_view_save("../x", &v, &err), -1);
	assert_non_null(err);
	free(err);
	assert_int_equal(saved_view_save("zeta", &v, &err), 0);
	assert_int_equal(saved_view_save("alpha", &v, &err), 0);
	assert_int_equal(saved_views_list(&names, &n, &err), 0);
	assert_true(n >= 2);
	assert_string_equal(names[0], "alpha"); /* sorted, no temp files */
	for (size_t i = 0; i < n; i++) {
		assert_true(names[i][0] != '.');
		free(names[i]);
	}
	assert_null(names[n]);
	free(names);
	assert_int_equal(saved_view_remove("zeta", &err), 0);
	assert_int_equal(saved_view_remove("zeta", &err), -1);
	assert_string_equal(err, "no view named 'zeta'");
	free(err);
	saved_view_free(&v);
}

static void test_missing_and_broken(void **state)
{
	struct saved_view v;
	char *err = NULL, path[128];

	assert_int_equal(saved_view_load("nothing here", &v, &err), -1);
	assert_string_equal(err, "no view named 'nothing here'");
	free(err);
	snprintf(path, sizeof(path), "%s/sitrep", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/sitrep/views", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/sitrep/views/broken", dir);
	FILE *f = fopen(path, "w");
	fputs("# sitrep view\nfuture-setting 3\nzoom month\nzoom fortnight\n", f);
	fclose(f);
	assert_int_equal(saved_view_load("broken", &v, &err), -1);
	assert_non_null(strstr(err, "/sitrep/views/broken:4: zoom:"));
	free(err);
	f = fopen(path, "w");
	fputs("filter on (unclosed\n", f);
	fclose(f);
	assert_int_equal(saved_view_load("broken", &v, &err), -1);
	assert_non_null(strstr(err, "broken:1: filter"));
	free(err);
	static const char *const bad_freq[] = {"frequency region\n", "frequency country count\n",
					       "frequency region deaths\n"};
	for (size_t i = 0; i < sizeof bad_freq / sizeof *bad_freq; i++) {
		f = fopen(path, "w");
		fputs(bad_freq[i], f);
		fclose(f);
		assert_int_equal(saved_view_load("broken", &v, &err), -1);
		assert_non_null(strstr(err, "broken:1: frequency:"));
		free(err);
	}
	/* what the split shows: a file of before it was kept shows the
	 * actor panel; anything but map or actors is refused */
	f = fopen(path, "w");
	fputs("split on\n", f);
	fclose(f);
	assert_int_equal(saved_view_load("broken", &v, &err), 0);
	assert_true(v.split);
	assert_false(v.split_map);
	saved_view_free(&v);
	f = fopen(path, "w");
	fputs("split on\nbeside timeline\n", f);
	fclose(f);
	assert_int_equal(saved_view_load("broken", &v, &err), -1);
	assert_non_null(strstr(err, "broken:2: beside:"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_names_and_list),
	    cmocka_unit_test(test_missing_and_broken),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
