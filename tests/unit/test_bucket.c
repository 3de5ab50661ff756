/* Unit tests: bucket arithmetic for the density strip: ISO weeks across
 * year ends, leap days, quarters, month-precision events, labels. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/bucket.h"

static long day(const char *iso)
{
	struct date_span s;

	assert_int_equal(date_parse_iso(iso, &s), 0);
	return s.start;
}

static void label_of(enum bucket_zoom z, const char *iso, const char *want)
{
	char buf[BUCKET_LABEL_LEN];

	bucket_label(z, bucket_of(z, day(iso)), buf);
	assert_string_equal(buf, want);
}

static void test_iso_weeks_across_years(void **state)
{
	label_of(ZOOM_WEEK, "2022-01-01", "2021-W52"); /* a Saturday */
	label_of(ZOOM_WEEK, "2022-01-03", "2022-W01");
	label_of(ZOOM_WEEK, "2020-12-31", "2020-W53");
	label_of(ZOOM_WEEK, "2021-01-03", "2020-W53");
	label_of(ZOOM_WEEK, "2021-01-04", "2021-W01");
	label_of(ZOOM_WEEK, "2024-12-30", "2025-W01");
	label_of(ZOOM_WEEK, "2023-01-01", "2022-W52");
	label_of(ZOOM_WEEK, "1969-12-31", "1970-W01"); /* before the epoch */
	/* one bucket from Monday to Sunday across New Year */
	long b = bucket_of(ZOOM_WEEK, day("2022-12-31"));
	assert_int_equal(bucket_start(ZOOM_WEEK, b), day("2022-12-26"));
	assert_int_equal(bucket_end(ZOOM_WEEK, b), day("2023-01-01"));
	assert_int_equal(bucket_of(ZOOM_WEEK, day("2023-01-02")), b + 1);
	/* the week holding 1 January carries the year label */
	assert_int_equal(bucket_year_label(ZOOM_WEEK, b), 2023);
	assert_int_equal(bucket_year_label(ZOOM_WEEK, b + 1), 0);
	assert_int_equal(bucket_year_label(ZOOM_WEEK, b - 1), 0);
}

static void test_leap_days(void **state)
{
	long feb = bucket_of(ZOOM_MONTH, day("2024-02-29"));
	assert_int_equal(bucket_start(ZOOM_MONTH, feb), day("2024-02-01"));
	assert_int_equal(bucket_end(ZOOM_MONTH, feb), day("2024-02-29"));
	assert_int_equal(bucket_of(ZOOM_MONTH, day("2024-03-01")), feb + 1);
	assert_int_equal(bucket_end(ZOOM_MONTH, bucket_of(ZOOM_MONTH, day("2023-02-10"))),
			 day("2023-02-28"));
	long q = bucket_of(ZOOM_QUARTER, day("2024-02-29"));
	assert_int_equal(bucket_end(ZOOM_QUARTER, q) - bucket_start(ZOOM_QUARTER, q) + 1, 91);
	long y = bucket_of(ZOOM_YEAR, day("2024-02-29"));
	assert_int_equal(bucket_end(ZOOM_YEAR, y) - bucket_start(ZOOM_YEAR, y) + 1, 366);
	assert_int_equal(bucket_end(ZOOM_YEAR, 1900) - bucket_start(ZOOM_YEAR, 1900) + 1, 365);
	label_of(ZOOM_DAY, "2024-02-29", "2024-02-29");
	assert_int_equal(bucket_of(ZOOM_DAY, day("2024-03-01")),
			 bucket_of(ZOOM_DAY, day("2024-02-29")) + 1);
}

static void test_consecutive(void **state)
{
	/* Every zoom: buckets tile the days with no gap or overlap. */
	for (int z = 0; z < ZOOM_COUNT; z++) {
		long d0 = day("1999-11-01"), d1 = day("2026-03-01");
		long prev = bucket_of((enum bucket_zoom)z, d0);
		for (long d = d0; d <= d1; d++) {
			long b = bucket_of((enum bucket_zoom)z, d);
			assert_true(b == prev || b == prev + 1);
			assert_true(bucket_start((enum bucket_zoom)z, b) <= d);
			assert_true(bucket_end((enum bucket_zoom)z, b) >= d);
			if (b == prev + 1)
				assert_int_equal(bucket_start((enum bucket_zoom)z, b), d);
			prev = b;
		}
	}
}

static void test_labels(void **state)
{
	label_of(ZOOM_MONTH, "2023-01-31", "2023-01");
	label_of(ZOOM_QUARTER, "2023-03-31", "2023-Q1");
	label_of(ZOOM_QUARTER, "2023-04-01", "2023-Q2");
	label_of(ZOOM_QUARTER, "2022-12-31", "2022-Q4");
	label_of(ZOOM_YEAR, "2012-06-15", "2012");
	assert_int_equal(bucket_year_label(ZOOM_MONTH, bucket_of(ZOOM_MONTH, day("2023-01-15"))),
			 2023);
	assert_int_equal(bucket_year_label(ZOOM_MONTH, bucket_of(ZOOM_MONTH, day("2023-02-15"))),
			 0);
	assert_int_equal(
	    bucket_year_label(ZOOM_QUARTER, bucket_of(ZOOM_QUARTER, day("2023-02-15"))), 2023);
	assert_int_equal(bucket_year_label(ZOOM_DAY, day("2023-01-01")), 2023);
	assert_int_equal(bucket_year_label(ZOOM_DAY, day("2023-01-02")), 0);
	assert_int_equal(bucket_year_label(ZOOM_YEAR, 2019), 2019);
}

static void test_month_precision(void **state)
{
	struct date_span s;
	bool spread;

	assert_int_equal(date_parse_iso("2021-12", &s), 0);
	/* counted once, in the bucket of its first day */
	assert_int_equal(bucket_of_span(ZOOM_DAY, &s, &spread), day("2021-12-01"));
	assert_true(spread);
	label_of(ZOOM_WEEK, "2021-12-01", "2021-W48");
	assert_int_equal(bucket_of_span(ZOOM_WEEK, &s, &spread),
			 bucket_of(ZOOM_WEEK, day("2021-12-01")));
	assert_true(spread);
	assert_int_equal(bucket_of_span(ZOOM_MONTH, &s, &spread),
			 bucket_of(ZOOM_MONTH, day("2021-12-15")));
	assert_false(spread);
	bucket_of_span(ZOOM_QUARTER, &s, &spread);
	assert_false(spread);
	/* a year-precision event spreads over months but not the year */
	assert_int_equal(date_parse_iso("2016", &s), 0);
	bucket_of_span(ZOOM_QUARTER, &s, &spread);
	assert_true(spread);
	assert_int_equal(bucket_of_span(ZOOM_YEAR, &s, &spread), 2016);
	assert_false(spread);
	/* a day range across a month end */
	assert_int_equal(date_parse_iso("2022-03-27..2022-04-02", &s), 0);
	assert_int_equal(bucket_of_span(ZOOM_MONTH, &s, &spread),
			 bucket_of(ZOOM_MONTH, day("2022-03-01")));
	assert_true(spread);
	bucket_of_span(ZOOM_WEEK, &s, &spread); /* Sunday 27th .. Saturday 2nd */
	assert_true(spread);
}

static void test_zoom_names(void **state)
{
	enum bucket_zoom z;

	assert_string_equal(bucket_zoom_name(ZOOM_QUARTER), "quarter");
	assert_int_equal(bucket_zoom_parse("week", &z), 0);
	assert_int_equal(z, ZOOM_WEEK);
	assert_int_equal(bucket_zoom_parse("decade", &z), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_iso_weeks_across_years),
	    cmocka_unit_test(test_leap_days),
	    cmocka_unit_test(test_consecutive),
	    cmocka_unit_test(test_labels),
	    cmocka_unit_test(test_month_precision),
	    cmocka_unit_test(test_zoom_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
