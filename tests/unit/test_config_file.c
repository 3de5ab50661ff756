/* Unit tests: the config file parser, good lines and broken ones (each
 * reported as FILE:LINE and skipped), and where the file lives. */
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

#include "sitrep/config_file.h"

static bool key_ok(const char *name, void *ctx)
{
	return name[0] != '<' || strcmp(name, "<C-d>") == 0 || strcmp(name, "<F5>") == 0 ||
	       strcmp(name, "<Enter>") == 0;
}

static bool action_ok(const char *name, void *ctx)
{
	return strcmp(name, "move-down") == 0 || strcmp(name, "quit") == 0;
}

static const struct config_checks checks = {key_ok, action_ok, NULL, NULL};

static void test_good(void **state)
{
	struct config c;

	setenv("HOME", "/home/analyst", 1);
	config_init(&c);
	config_parse(&c, "config",
		     "# sitrep settings\n"
		     "\n"
		     "theme = light\n"
		     "  mouse=off  \n"
		     "date-order = descending\r\n"
		     "database = ~/data/mali.db\n"
		     "columns = date, kind,title ,fatalities\n"
		     "bind <C-d> move-down\n"
		     "bind\tQ quit\n"
		     "bind # quit\n"
		     "clipboard = off\n"
		     "map = shade\n",
		     &checks);
	assert_int_equal(c.nerrors, 0);
	assert_int_equal(c.map_shade, 1);
	assert_int_equal(c.clipboard, 0);
	assert_int_equal(c.theme, THEME_NAME_LIGHT);
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.descending, 1);
	assert_string_equal(c.database, "/home/analyst/data/mali.db");
	assert_int_equal(c.ncolumn, 4);
	assert_int_equal(c.column[0], COL_DATE);
	assert_int_equal(c.column[2], COL_TITLE);
	assert_int_equal(c.column[3], COL_FATALITIES);
	assert_int_equal(c.nbinds, 3);
	assert_string_equal(c.binds[0].key, "<C-d>");
	assert_string_equal(c.binds[0].action, "move-down");
	assert_int_equal(c.binds[0].line, 8);
	assert_string_equal(c.binds[2].key, "#");
	config_free(&c);
}

static void test_defaults_and_override(void **state)
{
	struct config c;

	config_init(&c);
	config_parse(&c, "config", "", &checks);
	assert_int_equal(c.theme, -1);
	assert_int_equal(c.mouse, -1);
	assert_int_equal(c.clipboard, -1);
	assert_int_equal(c.map_shade, -1);
	assert_int_equal(c.descending, -1);
	assert_null(c.database);
	assert_int_equal(c.ncolumn, 0);
	config_parse(&c, "config", "theme = mono\ntheme = dark\ndatabase=/a\ndatabase=/b", &checks);
	assert_int_equal(c.theme, THEME_NAME_DARK);
	assert_string_equal(c.database, "/b"); /* last line wins, no trailing newline needed */
	assert_string_equal(config_theme_name(THEME_NAME_MONO), "mono");
	assert_string_equal(config_column_name(COL_ACTORS), "actors");
	config_free(&c);
}

static void test_column_widths(void **state)
{
	struct config c;

	(void)state;
	config_init(&c);
	config_parse(&c, "/x/config",
		     "columns = title, actors:40, date, place:4, type\n" /* 1 good */
		     "columns = date:12\n"                               /* 2 fixed width */
		     "columns = title:30\n"                              /* 3 the rest */
		     "columns = actors:3\n"                              /* 4 too narrow */
		     "columns = actors:201\n"                            /* 5 too wide */
		     "columns = actors:wide\n"                           /* 6 no number */
		     "columns = actors:\n"                               /* 7 empty */
		     "columns = place:20x\n",                            /* 8 */
		     &checks);
	assert_int_equal(c.nerrors, 7);
	assert_string_equal(c.errors[0],
			    "/x/config:2: columns: only type, place and actors take a width: "
			    "'date:12'");
	assert_string_equal(c.errors[1],
			    "/x/config:3: columns: the title takes the rest of the line, no width: "
			    "'title:30'");
	assert_string_equal(c.errors[2], "/x/config:4: columns: a width is 4 to 200 cells: "
					 "'actors:3'");
	for (int i = 3; i < 7; i++)
		assert_true(strncmp(c.errors[i] + 13, "columns: a width is", 19) == 0);
	/* the broken lines changed nothing: the first line stands */
	assert_int_equal(c.ncolumn, 5);
	assert_int_equal(c.column[0], COL_TITLE);
	assert_int_equal(c.column_width[0], 0);
	assert_int_equal(c.column[1], COL_ACTORS);
	assert_int_equal(c.column_width[1], 40);
	assert_int_equal(c.column[3], COL_PLACE);
	assert_int_equal(c.column_width[3], 4);
	assert_int_equal(c.column_width[4], 0);
	config_free(&c);
}

static void test_broken_lines(void **state)
{
	struct config c;

	config_init(&c);
	config_parse(&c, "/x/config",
		     "theme = dark\n"           /* 1 good */
		     "theme = blue\n"           /* 2 bad value */
		     "colour = red\n"           /* 3 unknown setting */
		     "just words\n"             /* 4 no '=' */
		     "mouse = maybe\n"          /* 5 */
		     "bind j\n"                 /* 6 no action */
		     "bind <Nope> quit\n"       /* 7 unknown key */
		     "bind j jump-around\n"     /* 8 unknown action */
		     "columns = date,date\n"    /* 9 twice */
		     "columns = date,colour\n"  /* 10 unknown column: line ignored */
		     "database =\n"             /* 11 empty */
		     "date-order = sideways\n"  /* 12 */
		     "theme = \x1b[31mred\n"    /* 13 escape in the message */
		     "bind j move-down extra\n" /* 14 */
		     "mouse = on\n"             /* 15 good after all that */
		     "map = dots\n",            /* 16 */
		     &checks);
	assert_int_equal(c.nerrors, 14);
	assert_string_equal(c.errors[0], "/x/config:2: theme: not dark, light or mono: 'blue'");
	assert_string_equal(c.errors[1], "/x/config:3: unknown setting 'colour'");
	assert_true(strncmp(c.errors[2], "/x/config:4: not 'name = value'", 31) == 0);
	assert_true(strncmp(c.errors[3], "/x/config:5: mouse", 18) == 0);
	assert_string_equal(c.errors[4], "/x/config:6: bind: write 'bind KEY ACTION'");
	assert_string_equal(c.errors[5], "/x/config:7: bind: unknown key '<Nope>'");
	assert_string_equal(c.errors[6], "/x/config:8: bind: unknown action 'jump-around'");
	assert_string_equal(c.errors[7], "/x/config:9: columns: named twice: 'date'");
	assert_true(strncmp(c.errors[8], "/x/config:10: columns: not one of", 33) == 0);
	assert_string_equal(c.errors[9], "/x/config:11: no value for 'database'");
	assert_true(strncmp(c.errors[10], "/x/config:12: date-order", 24) == 0);
	assert_null(strchr(c.errors[11], '\x1b'));
	assert_true(strncmp(c.errors[12], "/x/config:14: bind", 18) == 0);
	assert_string_equal(c.errors[13], "/x/config:16: map: not braille or shade: 'dots'");
	/* the good lines still count, the bad ones changed nothing */
	assert_int_equal(c.theme, THEME_NAME_DARK);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.ncolumn, 0);
	assert_int_equal(c.nbinds, 0);
	assert_int_equal(c.descending, -1);
	assert_null(c.database);
	config_free(&c);
}

static void test_files(void **state)
{
	char dir[] = "/tmp/sitrep-test-config-XXXXXX";
	struct config c;
	char *p;

	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	p = config_path();
	char *want = malloc(strlen(dir) + 32);
	sprintf(want, "%s/sitrep/config", dir);
	assert_string_equal(p, want);
	config_init(&c);
	assert_int_equal(config_load(&c, p, &checks), 1); /* no file: fine */
	assert_int_equal(c.nerrors, 0);
	sprintf(want, "%s/sitrep", dir);
	assert_int_equal(mkdir(want, 0700), 0);
	FILE *f = fopen(p, "w");
	fputs("theme = mono\nbogus\n", f);
	fclose(f);
	assert_int_equal(config_load(&c, p, &checks), 0);
	assert_int_equal(c.theme, THEME_NAME_MONO);
	assert_int_equal(c.nerrors, 1);
	assert_true(strstr(c.errors[0], "/sitrep/config:2: ") != NULL);
	config_free(&c);
	unlink(p);
	rmdir(want);
	rmdir(dir);
	free(p);
	/* relative XDG_CONFIG_HOME is ignored: HOME decides */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/a", 1);
	p = config_dir();
	assert_string_equal(p, "/home/a/.config/sitrep");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(config_path());
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good),         cmocka_unit_test(test_defaults_and_override),
	    cmocka_unit_test(test_broken_lines), cmocka_unit_test(test_column_widths),
	    cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
