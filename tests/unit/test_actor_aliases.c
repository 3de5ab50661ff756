#include "config.h"
/* The alias table: the shipped data/actor-aliases.txt parses, each alias
 * has its source, and names resolve as an import resolves them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/actor_aliases.h"

static void test_shipped(void **state)
{
	(void)state;
	struct actor_alias_table t;
	char *err = NULL;
	int rc = actor_aliases_parse(sitrep_actor_aliases_txt, &t, &err);
	if (rc < 0)
		fail_msg("data/actor-aliases.txt: %s", err);
	assert_true(t.n >= 8);
	actor_aliases_free(&t);

	const struct actor_alias_table *b = actor_aliases();
	assert_string_equal(actor_aliases_canon(b, "GSIM"), "JNIM");
	assert_string_equal(actor_aliases_canon(b, "gsim"), "JNIM");
	assert_string_equal(actor_aliases_canon(b, "JNIM: Group for Support of Islam and Muslims"),
			    "JNIM");
	assert_string_equal(actor_aliases_canon(b, "Islamic State (Sahel)"), "ISGS");
	assert_string_equal(actor_aliases_canon(b, "Islamic State (Greater Sahara)"), "ISGS");
	assert_string_equal(
	    actor_aliases_canon(b, "Islamic State (West Africa) - Greater Sahara Faction"), "ISGS");
	/* Another group of a like name; and an alias that holds in the Sahel only. */
	assert_null(actor_aliases_canon(b, "Islamic State (West Africa) - Lake Chad Faction"));
	assert_null(actor_aliases_canon(b, "IS"));
	assert_null(actor_aliases_canon(b, "JNIM"));
	int only = 0;
	for (size_t i = 0; i < b->n; i++)
		only += b->v[i].only && strcmp(b->v[i].alias, "IS") == 0;
	assert_int_equal(only, 1);
	/* "IS" holds in the Sahel's countries alone */
	assert_true(actor_aliases_local(b, "is"));
	assert_false(actor_aliases_local(b, "GSIM"));
	assert_string_equal(actor_aliases_canon_in(b, "IS", "Mali"), "ISGS");
	assert_string_equal(actor_aliases_canon_in(b, "IS", "Niger"), "ISGS");
	assert_string_equal(actor_aliases_canon_in(b, "IS", "Burkina Faso"), "ISGS");
	assert_null(actor_aliases_canon_in(b, "IS", "Bangladesh"));
	assert_null(actor_aliases_canon_in(b, "IS", "Mal"));
	assert_null(actor_aliases_canon_in(b, "IS", NULL));
	assert_string_equal(actor_aliases_canon_in(b, "GSIM", "Bangladesh"), "JNIM");
}

static void test_format(void **state)
{
	(void)state;
	static const struct {
		const char *text, *err;
	} bad[] = {
	    {"alias: X\n  source: s\n", "line 1: an alias before any actor"},
	    {"actor: A\nalias: X\nalias: Y\n  source: s\n", "line 2: an alias with no source"},
	    {"actor: A\nalias: X\n", "line 2: an alias with no source"},
	    {"actor: A\nalias: X\n  source: s\nnote: x\n",
	     "line 4: not 'actor:', 'alias:' or an indented 'source:', 'only:' or 'in:'"},
	    {"actor: A\nalias: X\n  source: s\n  in: Mali\n",
	     "line 4: 'in:' with no 'only:' before it"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct actor_alias_table t;
		char *err = NULL;
		assert_int_equal(actor_aliases_parse(bad[i].text, &t, &err), -1);
		assert_string_equal(err, bad[i].err);
		free(err);
	}
	struct actor_alias_table t;
	char *err = NULL;
	assert_int_equal(
	    actor_aliases_parse("# c\nactor: A\nalias: X \n  source: s\n    more\n"
				"alias: Y\n  source: t\n  only: 2020\n\nactor: B\n"
				"alias: W\n  source: v\n  only: two\n  in: Aa; B b ;C\n"
				"alias: Z\n  source: u\n",
				&t, &err),
	    0);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.v[0].alias, "X");
	assert_false(t.v[0].only);
	assert_true(t.v[1].only);
	assert_string_equal(t.v[2].canon, "B");
	assert_null(t.v[1].countries);
	assert_string_equal(t.v[2].countries, "Aa; B b ;C");
	assert_string_equal(actor_aliases_canon_in(&t, "w", "b B"), "B");
	assert_string_equal(actor_aliases_canon_in(&t, "W", "c"), "B");
	assert_null(actor_aliases_canon_in(&t, "W", "B"));
	assert_null(actor_aliases_canon_in(&t, "Y", "2020"));
	assert_string_equal(actor_aliases_canon(&t, "x"), "A");
	assert_null(actor_aliases_canon(&t, "Y"));
	actor_aliases_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shipped),
	    cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests_name("actor_aliases", tests, NULL, NULL);
}
