/* Unit tests for the date forms of real exports and precision codes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/date_formats.h"

static void expect(const char *in, const char *want)
{
	struct date_span d;
	char buf[64];
	if (date_parse_any(in, &d) != 0)
		fail_msg("\"%s\" did not parse", in);
	date_format_span(buf, sizeof(buf), &d);
	if (strcmp(buf, want) != 0)
		fail_msg("\"%s\" -> %s, want %s", in, buf, want);
}

static void refuse(const char *in)
{
	struct date_span d;
	if (date_parse_any(in, &d) == 0)
		fail_msg("\"%s\" parsed but is not a date", in ? in : "(null)");
}

static void test_forms(void **state)
{
	expect("2023-01-02", "2023-01-02");
	expect("22 February 2019", "2019-02-22");
	expect("16-Feb-21", "2021-02-16");
	expect("12-September-22", "2022-09-12");
	expect("3-Sept-99", "1999-09-03");
	expect("29/12/2015", "2015-12-29");
	expect("12/29/2015", "2015-12-29"); /* only month first fits */
	expect("01/02/2015", "2015-02-01"); /* day first by default */
	expect("19910106", "1991-01-06");
	expect("February 22, 2019", "2019-02-22");
	expect("2019/02/22", "2019-02-22");
	expect("  2019-02-22 00:00:00 ", "2019-02-22");
	expect("2019-02-22T10:00:00Z", "2019-02-22");
	expect("2021-12", "2021-12");
	expect("2012", "2012");
}

static void test_refused(void **state)
{
	refuse("");
	refuse("   ");
	refuse("31 February 2019");
	refuse("2019-13-01");
	refuse("-2022-01-01"); /* not read as 2022-01-01 */
	refuse("/29/12/2015");
	refuse("32/01/2015");
	refuse("13/13/2015");
	refuse("yesterday");
	refuse("1 Foo 2019");
	refuse("1 2 3 4");
	refuse("19911306");
	refuse("12:30");
	refuse(NULL);
}

static void test_acled_precision(void **state)
{
	struct date_span d;
	char buf[64];
	assert_int_equal(date_parse_any("22 February 2019", &d), 0);
	date_acled_precision(&d, 1);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2019-02-22");
	date_acled_precision(&d, 2);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2019-02-19..2019-02-25");
	assert_int_equal(date_parse_any("2019-02-22", &d), 0);
	date_acled_precision(&d, 3);
	assert_int_equal(d.prec, DATE_MONTH);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2019-02");
}

static void test_ucdp_span(void **state)
{
	struct date_span a, b, d;
	char buf[64];
	assert_int_equal(date_parse_any("2015-05-11", &a), 0);
	assert_int_equal(date_parse_any("2015-05-12", &b), 0);
	assert_int_equal(date_ucdp_span(&a, &b, 2, &d), 0);
	date_format_span(buf, sizeof(buf), &d);
	assert_string_equal(buf, "2015-05-11..2015-05-12");
	assert_int_equal(date_parse_any("2015-05-01", &a), 0);
	assert_int_equal(date_parse_any("2015-05-31", &b), 0);
	assert_int_equal(date_ucdp_span(&a, &b, 4, &d), 0);
	assert_int_equal(d.prec, DATE_MONTH);
	assert_int_equal(date_parse_any("2015-01-01", &a), 0);
	assert_int_equal(date_parse_any("2015-12-31", &b), 0);
	assert_int_equal(date_ucdp_span(&a, &b, 5, &d), 0);
	assert_int_equal(d.prec, DATE_YEAR);
	assert_int_equal(date_ucdp_span(&b, &a, 1, &d), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_acled_precision),
	    cmocka_unit_test(test_ucdp_span),
	};
	return cmocka_run_group_tests_name("date_formats", tests, NULL, NULL);
}
