/* Key script parsing for the headless harness. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <curses.h>

#include "sitrep/keyscript.h"

static void test_keys_and_names(void **state)
{
	struct keyscript ks;
	char err[128];
	assert_int_equal(keyscript_parse("j<Down><C-w>é<Enter>\n", &ks, err, sizeof err), 0);
	assert_int_equal(ks.n, 5);
	assert_int_equal(ks.items[0].key.code, 'j');
	assert_true(ks.items[1].key.fn);
	assert_int_equal(ks.items[1].key.code, KEY_DOWN);
	assert_int_equal(ks.items[2].key.code, 23);
	assert_int_equal(ks.items[3].key.code, 0xe9);
	assert_int_equal(ks.items[4].key.code, '\n');
	keyscript_free(&ks);
}

static void test_command_lines_and_comments(void **state)
{
	struct keyscript ks;
	char err[128];
	assert_int_equal(keyscript_parse("# a comment\n\n:goto <x>\n", &ks, err, sizeof err), 0);
	assert_int_equal(ks.n, 10); /* ":goto <x>" typed as is, then Enter */
	assert_int_equal(ks.items[6].key.code, '<');
	assert_int_equal(ks.items[9].key.code, '\n');
	keyscript_free(&ks);
}

static void test_events(void **state)
{
	struct keyscript ks;
	char err[128];
	const char *s = "<Resize 120x40><Click 3 7><WheelDown 1 1>\n:save-display out\n";
	assert_int_equal(keyscript_parse(s, &ks, err, sizeof err), 0);
	assert_int_equal(ks.n, 4);
	assert_int_equal(ks.items[0].type, INPUT_RESIZE);
	assert_int_equal(ks.items[0].cols, 120);
	assert_int_equal(ks.items[0].rows, 40);
	assert_int_equal(ks.items[1].type, INPUT_MOUSE);
	assert_int_equal(ks.items[1].mouse, MOUSE_CLICK);
	assert_int_equal(ks.items[1].y, 3);
	assert_int_equal(ks.items[2].mouse, MOUSE_WHEEL_DOWN);
	assert_int_equal(ks.items[3].type, INPUT_DUMP);
	assert_string_equal(ks.items[3].path, "out");
	struct input in;
	assert_true(keyscript_next(&ks, &in));
	assert_int_equal(in.type, INPUT_RESIZE);
	keyscript_free(&ks);
}

static void test_errors(void **state)
{
	struct keyscript ks;
	char err[128];
	assert_int_equal(keyscript_parse("jj\nab<Nope>\n", &ks, err, sizeof err), -1);
	assert_string_equal(err, "line 2, column 3: unknown key name (write <Lt> for '<')");
	assert_int_equal(keyscript_parse("<Resize 0x4>", &ks, err, sizeof err), -1);
	assert_string_equal(err, "line 1, column 1: bad arguments");
	assert_int_equal(keyscript_parse("a<b", &ks, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys_and_names),
	    cmocka_unit_test(test_command_lines_and_comments),
	    cmocka_unit_test(test_events),
	    cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests_name("keyscript", tests, NULL, NULL);
}
