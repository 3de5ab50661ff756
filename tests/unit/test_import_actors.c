/* Unit tests for ACLED actor names: "ABBR: Long name", known aliases, lists. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "import_actors.h"

static void expect_alias(const struct actor_forms *f, int i, const char *want)
{
	assert_true(i < f->naliases);
	assert_int_equal(f->alias_len[i], strlen(want));
	assert_memory_equal(f->aliases[i], want, strlen(want));
}

static void test_forms(void **state)
{
	struct actor_forms f;
	assert_int_equal(actor_forms("JNIM: Group for Support of Islam and Muslims", NULL, &f), 0);
	assert_string_equal(f.canon, "JNIM");
	assert_int_equal(f.naliases, 2);
	expect_alias(&f, 0, "Group for Support of Islam and Muslims");
	expect_alias(&f, 1, "JNIM: Group for Support of Islam and Muslims");

	assert_int_equal(actor_forms("GSIM", NULL, &f), 0);
	assert_string_equal(f.canon, "JNIM");
	assert_int_equal(actor_forms("group for support of islam and muslims", NULL, &f), 0);
	assert_string_equal(f.canon, "JNIM");

	/* A faction keeps its qualifier; a period of the same body does not. */
	assert_int_equal(actor_forms("MAA: Arab Movement of the Azawad (Platform)", NULL, &f), 0);
	assert_string_equal(f.canon, "MAA (Platform)");
	expect_alias(&f, 0, "Arab Movement of the Azawad (Platform)");
	assert_int_equal(actor_forms("MINUSMA: United Nations Mission in Mali (2013-)", NULL, &f),
			 0);
	assert_string_equal(f.canon, "MINUSMA");
	/* "A and/or B" is no one actor. */
	assert_int_equal(actor_forms("JNIM: Group for Support of Islam and Muslims and/or "
				     "Islamic State (Sahel)",
				     NULL, &f),
			 0);
	assert_int_equal(f.naliases, 0);
	assert_non_null(strstr(f.canon, "and/or"));

	/* Not an abbreviation before the colon: the name as it is. */
	assert_int_equal(actor_forms("Military Forces of Mali (2021-)", NULL, &f), 0);
	assert_string_equal(f.canon, "Military Forces of Mali (2021-)");
	assert_int_equal(f.naliases, 0);
	assert_int_equal(actor_forms("Police Forces of Mali: Unit 2", NULL, &f), 0);
	assert_string_equal(f.canon, "Police Forces of Mali: Unit 2");
	assert_int_equal(actor_forms("", NULL, &f), -1);
}

/* UCDP's "IS" is ISGS in the Sahel alone (data/actor-aliases.txt, in:):
 * there it becomes that actor with no alias registered, since elsewhere
 * the name stays the Islamic State's own. */
static void test_forms_local_alias(void **state)
{
	(void)state;
	struct actor_forms f;
	assert_int_equal(actor_forms("IS", "Mali", &f), 0);
	assert_string_equal(f.canon, "ISGS");
	assert_true(f.local);
	assert_int_equal(f.naliases, 0);
	assert_int_equal(actor_forms("IS", "burkina faso", &f), 0);
	assert_string_equal(f.canon, "ISGS");
	assert_int_equal(actor_forms("IS", "Bangladesh", &f), 0);
	assert_string_equal(f.canon, "IS");
	assert_false(f.local);
	assert_int_equal(actor_forms("IS", NULL, &f), 0);
	assert_string_equal(f.canon, "IS");
	/* the unconditional aliases hold wherever the event is */
	assert_int_equal(actor_forms("GSIM", "Bangladesh", &f), 0);
	assert_string_equal(f.canon, "JNIM");
}

static void test_split(void **state)
{
	char list[] = " AFP; Studio Tamani ;;Kibaru;  ";
	char *out[8];
	assert_int_equal(actor_split(list, out, 8), 3);
	assert_string_equal(out[0], "AFP");
	assert_string_equal(out[1], "Studio Tamani");
	assert_string_equal(out[2], "Kibaru");
	char empty[] = " ; ";
	assert_int_equal(actor_split(empty, out, 8), 0);
	char many[] = "a;b;c";
	assert_int_equal(actor_split(many, out, 2), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_forms_local_alias),
	    cmocka_unit_test(test_split),
	};
	return cmocka_run_group_tests_name("import_actors", tests, NULL, NULL);
}
