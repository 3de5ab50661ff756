/* Unit tests: date spans, precision, calendar arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/date.h"

static void test_epoch(void **state)
{
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(2000, 3, 1), 11017);
	assert_int_equal(date_days(1969, 12, 31), -1);
}

static void test_roundtrip(void **state)
{
	for (long d = -700000; d < 2900000; d += 97) {
		int y, m, dd;
		date_civil(d, &y, &m, &dd);
		assert_true(date_valid(y, m, dd));
		assert_int_equal(date_days(y, m, dd), d);
	}
}

static void test_leap(void **state)
{
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2023, 2), 28);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_false(date_valid(2023, 2, 29));
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2024, 13, 1));
	assert_false(date_valid(2024, 4, 31));
}

static void test_parse_day(void **state)
{
	struct date_span d;
	assert_int_equal(date_parse_iso("2023-01-02", &d), 0);
	assert_int_equal(d.prec, DATE_DAY);
	assert_int_equal(d.start, date_days(2023, 1, 2));
	assert_int_equal(d.end, d.start);
}

static void test_parse_month(void **state)
{
	struct date_span d;
	assert_int_equal(date_parse_iso("2021-12", &d), 0);
	assert_int_equal(d.prec, DATE_MONTH);
	assert_int_equal(d.start, date_days(2021, 12, 1));
	assert_int_equal(d.end, date_days(2021, 12, 31));
	assert_int_equal(date_parse_iso("2024-02", &d), 0);
	assert_int_equal(d.end, date_days(2024, 2, 29));
}

static void test_parse_year(void **state)
{
	struct date_span d;
	assert_int_equal(date_parse_iso("2012", &d), 0);
	assert_int_equal(d.prec, DATE_YEAR);
	assert_int_equal(d.end - d.start, 365); /* 2012 is a leap year */
}

static void test_parse_range(void **state)
{
	struct date_span d;
	assert_int_equal(date_parse_iso("2022-03-27..2022-03-31", &d), 0);
	assert_int_equal(d.prec, DATE_DAY);
	assert_int_equal(d.end - d.start, 4);
	assert_int_equal(date_parse_iso("2022-07..2023-01", &d), 0);
	assert_int_equal(d.prec, DATE_MONTH);
	assert_int_equal(d.end, date_days(2023, 1, 31));
	assert_int_equal(date_parse_iso("2022-03-31..2022-03-27", &d), -1);
}

static void test_parse_invalid(void **state)
{
	struct date_span d;
	const char *bad[] = {"",           "2023-1-2", "2023-02-30",  "20230102",
			     "2023/01/02", "abcd",     "2023-01-02x", "2023-00",
			     "..",         "2023..",   "0000-01-01"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_parse_iso(bad[i], &d), -1);
}

static void test_format_span(void **state)
{
	struct date_span d;
	char buf[64];
	date_parse_iso("2021-12", &d);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2021-12");
	date_parse_iso("2023-01-02", &d);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2023-01-02");
	date_parse_iso("2024-07-25..2024-07-27", &d);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2024-07-25..2024-07-27");
	date_parse_iso("2012", &d);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2012");
}

static void test_prec_names(void **state)
{
	enum date_prec p;
	assert_string_equal(date_prec_name(DATE_MONTH), "month");
	assert_int_equal(date_prec_parse("year", &p), 0);
	assert_int_equal(p, DATE_YEAR);
	assert_int_equal(date_prec_parse("week", &p), -1);
}

static void test_today_pinned(void **state)
{
	setenv("SITREP_NOW", "2023-01-10", 1);
	assert_int_equal(date_today(), date_days(2023, 1, 10));
	unsetenv("SITREP_NOW");
	assert_true(date_today() > date_days(2024, 1, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_epoch),        cmocka_unit_test(test_roundtrip),
	    cmocka_unit_test(test_leap),         cmocka_unit_test(test_parse_day),
	    cmocka_unit_test(test_parse_month),  cmocka_unit_test(test_parse_year),
	    cmocka_unit_test(test_parse_range),  cmocka_unit_test(test_parse_invalid),
	    cmocka_unit_test(test_format_span),  cmocka_unit_test(test_prec_names),
	    cmocka_unit_test(test_today_pinned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
