/* Parser cases: each filter text with the tree it must give, or the error
 * message and column it must report. One cmocka test per case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/filter.h"

struct pcase {
	const char *text;
	const char *tree;  /* expected dump, or NULL for an error */
	const char *error; /* expected message */
	int column;
};

static const struct pcase cases[] = {
    /* empty and basic fields */
    {"", "(all)", NULL, 0},
    {"   ", "(all)", NULL, 0},
    {"actor:JNIM", "(actor \"JNIM\")", NULL, 0},
    {"a:JNIM", "(actor \"JNIM\")", NULL, 0},
    {"Actor:JNIM", "(actor \"JNIM\")", NULL, 0},
    {"actor:=JNIM", "(actor:= \"JNIM\")", NULL, 0},
    {"actor:\"Katiba Macina\"", "(actor \"Katiba Macina\")", NULL, 0},
    {"actor:\"Katiba Macina\"|JNIM", "(actor \"Katiba Macina\"|\"JNIM\")", NULL, 0},
    {"actor:Ségou", "(actor \"Ségou\")", NULL, 0},
    {"type:Battles", "(type \"Battles\")", NULL, 0},
    {"t:\"Suicide bomb\"", "(type \"Suicide bomb\")", NULL, 0},
    {"kind:incident", "(kind \"incident\")", NULL, 0},
    {"kind:c", "(kind \"context\")", NULL, 0},
    {"k:INC|context", "(kind \"incident\"|\"context\")", NULL, 0},
    {"region:Kayes|Koulikoro", "(region \"Kayes\"|\"Koulikoro\")", NULL, 0},
    {"r:Mopti", "(region \"Mopti\")", NULL, 0},
    {"location:Kati", "(location \"Kati\")", NULL, 0},
    {"loc:\"Bamako-Sénou\"", "(location \"Bamako-Sénou\")", NULL, 0},
    {"country:Mali", "(country \"Mali\")", NULL, 0},
    {"source:APA", "(source \"APA\")", NULL, 0},
    {"src:dakaractu.com", "(source \"dakaractu.com\")", NULL, 0},
    {"origin:acled", "(origin \"acled\")", NULL, 0},
    {"id:42", "(id 42)", NULL, 0},
    {"id:1..10", "(id 1..10)", NULL, 0},
    {"id>100", "(id> 101..)", NULL, 0},
    /* an id with a letter or a colon is the event's id in its data set */
    {"id:MLI2665", "(id \"MLI2665\")", NULL, 0},
    {"id:ucdp:209980|mali-a2", "(id \"ucdp:209980\"|\"mali-a2\")", NULL, 0},
    /* numbers */
    {"fatalities>=5", "(fatalities>= 5..)", NULL, 0},
    {"fatalities:0", "(fatalities 0)", NULL, 0},
    {"fatalities:3..10", "(fatalities 3..10)", NULL, 0},
    {"fatalities:10..", "(fatalities 10..)", NULL, 0},
    {"fatalities:..3", "(fatalities ..3)", NULL, 0},
    {"f<5", "(fatalities< ..4)", NULL, 0},
    {"fatalities<=5", "(fatalities<= ..5)", NULL, 0},
    {"fatalities>5", "(fatalities> 6..)", NULL, 0},
    {"fatalities=7", "(fatalities= 7)", NULL, 0},
    {"fatalities:0|1", "(fatalities 0|1)", NULL, 0},
    /* dates */
    {"since:2022-07", "(since 2022-07-01..)", NULL, 0},
    {"until:2023-01-31", "(until ..2023-01-31)", NULL, 0},
    {"until:2023-01", "(until ..2023-01-31)", NULL, 0},
    {"date:2022-07..2023-01", "(date 2022-07-01..2023-01-31)", NULL, 0},
    {"date:2021-12", "(date 2021-12-01..2021-12-31)", NULL, 0},
    {"date:2022", "(date 2022-01-01..2022-12-31)", NULL, 0},
    {"date:2022..", "(date 2022-01-01..)", NULL, 0},
    {"date:..2013", "(date ..2013-12-31)", NULL, 0},
    {"since:-90d", "(since -90d..)", NULL, 0},
    {"since:-2y", "(since -2y..)", NULL, 0},
    {"since:-6m until:-1w", "(and (since -6m..) (until ..-1w))", NULL, 0},
    {"date:-30d..today", "(date -30d..+0d)", NULL, 0},
    {"date>=2022", "(date>= 2022-01-01..)", NULL, 0},
    {"date>2022", "(date> >2022-12-31..)", NULL, 0},
    {"date<2022-06", "(date< ..<2022-06-01)", NULL, 0},
    /* windows around a date: ± or +-, days or weeks */
    {"date:2022-08-15\u00b115d", "(date 2022-07-31..2022-08-30)", NULL, 0},
    {"date:2022-08-15+-15d", "(date 2022-07-31..2022-08-30)", NULL, 0},
    {"d:2022-08+-1w", "(date 2022-07-25..2022-09-07)", NULL, 0},
    {"date:2022-08-15+-0d", "(date 2022-08-15..2022-08-15)", NULL, 0},
    {"from:2012 to:2013", "(and (since 2012-01-01..) (until ..2013-12-31))", NULL, 0},
    /* near */
    {"near:Bamako<50km", "(near \"Bamako\"<50km)", NULL, 0},
    {"near:12.65,-8.0<100km", "(near 12.65,-8<100km)", NULL, 0},
    {"near:\"San Mali\"<5", "(near \"San Mali\"<5km)", NULL, 0},
    {"near:Kati<500m", "(near \"Kati\"<0.5km)", NULL, 0},
    {"near:#24<50km", "(near \"#24\"<50km)", NULL, 0},
    /* free text */
    {"Segou", "(text \"Segou\")", NULL, 0},
    {"\"suicide bomb\"", "(phrase \"suicide bomb\")", NULL, 0},
    {"bomb*", "(text \"bomb\"*)", NULL, 0},
    {"\"suicide bomb\"*", "(phrase \"suicide bomb\"*)", NULL, 0},
    {"ambush|raid", "(or (text \"ambush\") (text \"raid\"))", NULL, 0},
    {"\"a \\\"b\\\" c\"", "(phrase \"a \\\"b\\\" c\")", NULL, 0},
    {"3:30", "(text \"3:30\")", NULL, 0},
    /* combinations */
    {"actor:JNIM since:2023-01", "(and (actor \"JNIM\") (since 2023-01-01..))", NULL, 0},
    {"actor:JNIM and region:Kayes", "(and (actor \"JNIM\") (region \"Kayes\"))", NULL, 0},
    {"-actor:Wagner", "(not (actor \"Wagner\"))", NULL, 0},
    {"not actor:Wagner", "(not (actor \"Wagner\"))", NULL, 0},
    {"NOT actor:Wagner", "(not (actor \"Wagner\"))", NULL, 0},
    {"-\"suicide bomb\"", "(not (phrase \"suicide bomb\"))", NULL, 0},
    {"-(a or b)", "(not (or (text \"a\") (text \"b\")))", NULL, 0},
    /* right after ')' or a string, '-' negates as after a space (found by
     * fuzz_filter: a chip's text joined with a space changed its meaning) */
    {"(a)-b", "(and (text \"a\") (not (text \"b\")))", NULL, 0},
    {"\"a\"-b", "(and (phrase \"a\") (not (text \"b\")))", NULL, 0},
    {"x|-y", "(or (text \"x\") (text \"-y\"))", NULL, 0},
    {"(-actor:x)", "(not (actor \"x\"))", NULL, 0},
    {"a or b", "(or (text \"a\") (text \"b\"))", NULL, 0},
    {"a OR b c", "(or (text \"a\") (and (text \"b\") (text \"c\")))", NULL, 0},
    {"(a or b) c", "(and (or (text \"a\") (text \"b\")) (text \"c\"))", NULL, 0},
    {"((region:Kayes))", "(region \"Kayes\")", NULL, 0},
    {"(actor:JNIM or actor:ISGS) -region:Kayes since:2022",
     "(and (or (actor \"JNIM\") (actor \"ISGS\")) (not (region \"Kayes\")) "
     "(since 2022-01-01..))",
     NULL, 0},
    {"not not a", "(not (not (text \"a\")))", NULL, 0},
    {"actor:\"x'); DROP TABLE event;--\"", "(actor \"x'); DROP TABLE event;--\")", NULL, 0},
    {"since:2021-12-15", "(since 2021-12-15..)", NULL, 0},
    /* errors */
    {"reigon:Kayes", NULL, "unknown field 'reigon' (did you mean 'region'?)", 1},
    {"actor:JNIM reigon:Kayes", NULL, "unknown field 'reigon' (did you mean 'region'?)", 12},
    {"atcor:x", NULL, "unknown field 'atcor' (did you mean 'actor'?)", 1},
    {"fatalites>3", NULL, "unknown field 'fatalites' (did you mean 'fatalities'?)", 1},
    {"zzz:1", NULL,
     "unknown field 'zzz' (fields: actor type kind region location country "
     "source id origin since until date fatalities near layer starred tag note actor1 "
     "actor2 assoc civilians interaction inter1 inter2 disorder tags admin3 geo_precision "
     "precision)",
     1},
    {"actor:JNIM \"suicide", NULL, "unterminated quote", 12},
    {"region:Kayes \"suicide bomb", NULL, "unterminated quote", 14},
    {"Ségou \"x", NULL, "unterminated quote", 7},
    {"actor:", NULL, "missing value after 'actor:'", 1},
    {"actor: JNIM", NULL, "missing value after 'actor:'", 1},
    {"region:Kayes|", NULL, "empty alternative after '|'", 13},
    {"region:Kayes||Mopti", NULL, "empty alternative before '|'", 13},
    {"region:|Kayes", NULL, "empty alternative before '|'", 8},
    {"ambush|", NULL, "empty alternative after '|'", 7},
    {"since:2022-13", NULL,
     "bad date '2022-13' (use YYYY, YYYY-MM, YYYY-MM-DD, today, "
     "or -90d, -6m, -2y)",
     7},
    {"since:soon", NULL,
     "bad date 'soon' (use YYYY, YYYY-MM, YYYY-MM-DD, today, "
     "or -90d, -6m, -2y)",
     7},
    {"since:-90x", NULL,
     "bad date '-90x' (use YYYY, YYYY-MM, YYYY-MM-DD, today, "
     "or -90d, -6m, -2y)",
     7},
    {"since:2022..2023", NULL,
     "bad date '2022..2023' (a range needs date:A..B) (use YYYY, "
     "YYYY-MM, YYYY-MM-DD, today, or -90d, -6m, -2y)",
     7},
    {"date:2023..2022", NULL, "date range '2023..2022' ends before it starts", 6},
    {"date:..", NULL, "empty date range '..'", 6},
    {"date:2022-08-15+-15x", NULL, "bad window '15x' (days or weeks: 15d, 2w)", 18},
    {"date:2022-08-15+-d", NULL, "bad window 'd' (days or weeks: 15d, 2w)", 18},
    {"date:soon+-15d", NULL, "bad date 'soon' before '+-' (e.g. date:2022-08-15+-15d)", 6},
    {"date:-9d+-3d", NULL, "bad date '-9d' before '+-' (e.g. date:2022-08-15+-15d)", 6},
    {"date:0001-01-01+-1d", NULL, "window '0001-01-01+-1d' leaves the calendar", 6},
    {"fatalities:many", NULL, "bad number 'many'", 12},
    {"id>MLI2665", NULL, "an id in its data set ('MLI2665') takes ':', not a comparison", 3},
    {"id:-5", NULL, "bad number '-5'", 4},
    {"fatalities:10..3", NULL, "range '10..3' ends before it starts", 12},
    {"fatalities>=-1", NULL, "bad number '-1'", 13},
    {"fatalities:3..x", NULL, "bad number range '3..x' (e.g. 3..10)", 12},
    {"region>Kayes", NULL, "region takes ':', not a comparison", 7},
    {"type:=Battles", NULL, "':=' is for actor:=NAME only", 5},
    {"kind:battle", NULL, "kind is 'incident' or 'context', not 'battle'", 6},
    {"near:Bamako", NULL, "near: needs a distance, e.g. near:Bamako<50km", 6},
    {"near:Bamako<far", NULL, "bad distance 'far' (e.g. <50km)", 13},
    {"near:Bamako<5mi", NULL, "bad distance unit 'mi' (km or m)", 13},
    {"near:<5km", NULL, "near: needs a place or lat,lon before '<'", 6},
    {"near:95,0<5km", NULL, "coordinates out of range '95,0'", 6},
    {"near:0,0<30000km", NULL, "distance 30000 km is more than the Earth allows", 6},
    {"(actor:JNIM", NULL, "unclosed '('", 1},
    {"a (b or c", NULL, "unclosed '('", 3},
    {"actor:JNIM)", NULL, "unmatched ')'", 11},
    {"a ) b", NULL, "unmatched ')'", 3},
    {"()", NULL, "empty parentheses", 1},
    {"(", NULL, "unclosed '('", 1},
    {"a (", NULL, "unclosed '('", 3},
    {"((", NULL, "unclosed '('", 2},
    {"(a or (", NULL, "unclosed '('", 7},
    {"or a", NULL, "'or' needs a term before it", 1},
    {"a or", NULL, "'or' needs a term after it", 3},
    {"a or or b", NULL, "'or' needs a term after it", 3},
    {"and a", NULL, "'and' needs a term on each side", 1},
    {"a and", NULL, "'and' needs a term on each side", 3},
    {"not", NULL, "'not' needs a term after it", 1},
    {"a -)", NULL, "'-' needs a term after it", 3},
    {"| a", NULL, "unexpected '|'", 1},
    {"*", NULL, "'*' needs a word before it", 1},
    {"\"  \"", NULL, "empty phrase", 1},
    {"Ségou reigon:x", NULL, "unknown field 'reigon' (did you mean 'region'?)", 7},
};

static void test_case(void **state)
{
	const struct pcase *c = *state;
	struct filter_node *n = (struct filter_node *)0x1;
	struct filter_error err;
	int rc = filter_parse(c->text, &n, &err);

	if (c->tree) {
		struct strbuf sb = STRBUF_INIT;

		if (rc != 0)
			fail_msg("'%s': unexpected error '%s' at %d", c->text, err.message,
				 err.column);
		filter_dump(n, &sb);
		assert_string_equal(sb_str(&sb), c->tree);
		sb_free(&sb);
		filter_free(n);
	} else {
		assert_int_equal(rc, -1);
		assert_null(n);
		assert_string_equal(err.message, c->error);
		assert_int_equal(err.column, c->column);
	}
}

static void test_error_format(void **state)
{
	struct filter_error err = {.column = 14, .message = "unterminated quote"};
	char buf[300];

	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "filter: unterminated quote at column 14");
	err.column = 0;
	snprintf(err.message, sizeof err.message, "no place named 'Bamkao'");
	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf, "filter: no place named 'Bamkao'");
	err.column = 1;
	snprintf(err.message, sizeof err.message,
		 "unknown field 'reigon' (did you mean 'region'?)");
	filter_error_format(&err, buf, sizeof buf);
	assert_string_equal(buf,
			    "filter: unknown field 'reigon' at column 1 (did you mean 'region'?)");
}

static void check_join(int argc, char **argv, const char *want)
{
	char *got = filter_join_args(argc, argv);

	assert_string_equal(got, want);
	free(got);
}

static void test_join_args(void **state)
{
	char *a1[] = {"actor:JNIM", "suicide bomb"};
	char *a2[] = {"actor:Katiba Macina", "since:2022"};
	char *a3[] = {"actor:JNIM since:2022"};
	char *a4[] = {"actor:\"x y\" -region:Kayes"};
	char *a5[] = {"say \"hi\\"};
	char *a6[] = {"(a or b)", "c"};
	char *a7[] = {"x'); DROP"};

	check_join(2, a1, "actor:JNIM \"suicide bomb\"");
	check_join(2, a2, "actor:\"Katiba Macina\" since:2022");
	check_join(1, a3, "actor:JNIM since:2022");
	check_join(1, a4, "actor:\"x y\" -region:Kayes");
	check_join(1, a5, "say \"hi\\");
	check_join(2, a6, "(a or b) c");
	check_join(1, a7, "\"x'); DROP\"");
	check_join(0, NULL, "");
}

int main(void)
{
	struct CMUnitTest tests[(sizeof cases / sizeof cases[0]) + 2];
	size_t n = 0;

	for (size_t i = 0; i < (sizeof cases / sizeof cases[0]); i++) {
		tests[n] =
		    (struct CMUnitTest)cmocka_unit_test_prestate(test_case, (void *)&cases[i]);
		tests[n].name = cases[i].text;
		n++;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_error_format);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_join_args);
	return _cmocka_run_group_tests("filter_parse", tests, n, NULL, NULL);
}
