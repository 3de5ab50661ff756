/* Unit tests for the shapes of UCDP GED source_article entries. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ged_sources.h"

struct parsed {
	char text[256];
	char date[DATE_ISO_LEN];
	struct source_in s;
};

/* Parse entry for an event starting on event (YYYY, MM, DD). */
static const struct source_in *parse(struct parsed *p, const char *entry, int y, int m, int d)
{
	snprintf(p->text, sizeof(p->text), "%s", entry);
	ged_source_parse(p->text, date_days(y, m, d), &p->s, p->date);
	assert_int_equal(p->s.fatalities, -1);
	return &p->s;
}

static void expect(const struct source_in *s, const char *pub, const char *date, const char *title)
{
	if (pub)
		assert_string_equal(s->publisher, pub);
	else
		assert_null(s->publisher);
	if (date)
		assert_string_equal(s->published, date);
	else
		assert_null(s->published);
	if (title)
		assert_string_equal(s->title, title);
	else
		assert_null(s->title);
}

static void test_standard(void **state)
{
	struct parsed p;
	expect(parse(&p, "Democratic Voice of Burma,2015-05-13,Kokang conflict intensifies", 2015,
		     5, 11),
	       "Democratic Voice of Burma", "2015-05-13", "Kokang conflict intensifies");
	/* the space after the comma is not the title's */
	expect(parse(&p, "Karen Information Center,2015-07-09, Talks Fail", 2015, 7, 1),
	       "Karen Information Center", "2015-07-09", "Talks Fail");
	/* a comma in the publisher */
	expect(parse(&p, "Xinhua, Beijing,2001-02-03,Clash reported", 2001, 2, 1),
	       "Xinhua, Beijing", "2001-02-03", "Clash reported");
}

static void test_older_iso(void **state)
{
	struct parsed p;
	expect(parse(&p, "Reuters 1989-05-17 \"REBELS KILL SIX", 1989, 5, 16), "Reuters",
	       "1989-05-17", "REBELS KILL SIX");
	expect(parse(&p, "Reuters (1989-10-01): \"SEPARATIST REBELS KILL SIX\".", 1989, 9, 30),
	       "Reuters", "1989-10-01", "SEPARATIST REBELS KILL SIX");
	expect(parse(&p, "R, 1992-05-19: \"REBELS KILL THREE\".", 1992, 5, 18), "R", "1992-05-19",
	       "REBELS KILL THREE");
	expect(parse(&p, "Mizzima News, Battles ongoing in northern Shan State, 2013-07-25", 2013,
		     7, 24),
	       "Mizzima News", "2013-07-25", "Battles ongoing in northern Shan State");
	/* not a date: 2013-02-30, or digits running on */
	expect(parse(&p, "Report 2013-02-30", 2013, 2, 1), "Report 2013-02-30", NULL, NULL);
}

static void test_day_month(void **state)
{
	struct parsed p;
	expect(parse(&p, "The News 14/6", 2004, 6, 12), "The News", "2004-06-14", NULL);
	expect(parse(&p, "R 31/10 1997", 1997, 10, 30), "R", "1997-10-31", NULL);
	expect(parse(&p, "BBC 19/3 Families flee to Thailand", 1998, 3, 18), "BBC", "1998-03-19",
	       "Families flee to Thailand");
	/* reported in January of an event of late December: the next year */
	expect(parse(&p, "AFP 2/1", 1997, 12, 30), "AFP", "1998-01-02", NULL);
	/* 31/2 is no day */
	expect(parse(&p, "AFP 31/2", 1997, 2, 1), "AFP 31/2", NULL, NULL);
}

static void test_alone(void **state)
{
	struct parsed p;
	expect(parse(&p, "SATP", 2005, 1, 1), "SATP", NULL, NULL);
	expect(parse(&p, " Bangkok Post ", 2005, 1, 1), "Bangkok Post", NULL, NULL);
	/* long, or a list: a title */
	expect(parse(&p, "Shan Human Rights Foundation Monthly Report March 2006", 2006, 3, 1),
	       NULL, NULL, "Shan Human Rights Foundation Monthly Report March 2006");
	expect(parse(&p, "May 24, Christian Solidarity Worldwide", 2006, 5, 1), NULL, NULL,
	       "May 24, Christian Solidarity Worldwide");
	const struct source_in *s =
	    parse(&p, "http://www.freeburmarangers.org/Reports/2007/20070715.html", 2007, 7, 1);
	assert_string_equal(s->url, "http://www.freeburmarangers.org/Reports/2007/20070715.html");
	expect(s, NULL, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_standard),
	    cmocka_unit_test(test_older_iso),
	    cmocka_unit_test(test_day_month),
	    cmocka_unit_test(test_alone),
	};
	return cmocka_run_group_tests_name("ged_sources", tests, NULL, NULL);
}
