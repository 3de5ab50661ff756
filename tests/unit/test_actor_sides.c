/* Unit tests: an event's actors read as sides: first side, associates and
 * claimants in brackets, the arrow, the second side, the others. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/actor_sides.h"

/* coded written with '|' for the separator */
static void sides_are(const char *coded, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char *c = coded ? strdup(coded) : NULL;
	for (char *p = c; p && *p; p++)
		if (*p == '|')
			*p = ACTOR_SIDES_SEP;
	actor_sides_format(c, "->", &sb);
	assert_string_equal(sb_str(&sb), want);
	sb_free(&sb);
	free(c);
}

static void test_two_sides(void **state)
{
	(void)state;
	sides_are("1Katiba Macina|2FAMa|cKatiba Macina", "Katiba Macina -> FAMa");
	sides_are("1Al-Mourabitoun|2Civilians|aAQIM|iFrance",
		  "Al-Mourabitoun (AQIM) -> Civilians; France");
	sides_are("1Unidentified armed group|2FAMa|2Malian customs|cJNIM",
		  "Unidentified armed group (JNIM) -> FAMa, Malian customs");
	sides_are("1JNIM|tMINUSMA", "JNIM -> MINUSMA");
}

static void test_one_side_or_none(void **state)
{
	(void)state;
	sides_are("1MNLA", "MNLA");
	sides_are("2FAMa", "-> FAMa");
	sides_are("cJNIM", "(JNIM)");
	sides_are("iAlgeria|iCMA", "Algeria, CMA");
	sides_are("1Operation Barkhane|iG5 Sahel states", "Operation Barkhane; G5 Sahel states");
	sides_are(NULL, "");
	sides_are("", "");
	/* a name with no code, or a stray separator, is skipped */
	sides_are("1|2FAMa||", "-> FAMa");
}

static void test_role_labels(void **state)
{
	(void)state;
	assert_string_equal(actor_role_label("actor1"), "side 1, first actor");
	assert_string_equal(actor_role_label("target"), "side 2, target");
	assert_string_equal(actor_role_label("witness"), "witness");
	assert_string_equal(actor_role_label(NULL), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_two_sides),
	    cmocka_unit_test(test_one_side_or_none),
	    cmocka_unit_test(test_role_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
