/* The action table, the keymap built from it, and the man page's KEYS
 * section, which must match the table ($SRCDIR/man/sitrep.1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/keymap.h"
#include "sitrep/strbuf.h"

static void test_names_unique_and_found(void **state)
{
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		assert_int_equal(action_lookup(action_name(a)), a);
		assert_true(strlen(action_help(a)) > 0);
	}
	assert_int_equal(action_lookup("no-such-action"), ACT_NONE);
}

static void test_default_keys_bound(void **state)
{
	keymap_init();
	assert_int_equal(keymap_lookup((struct key){'j', false}), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup((struct key){KEY_DOWN, true}), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup((struct key){KEY_F(1), true}), ACT_HELP);
	assert_int_equal(keymap_lookup((struct key){'\r', false}), ACT_ENTER);
	assert_int_equal(keymap_lookup((struct key){'y', false}), ACT_COPY);
	assert_int_equal(keymap_lookup((struct key){'x', false}), ACT_NONE);
	/* every key of every action parses and is bound to that action */
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		const char *p = action_keys(a);
		while (*p) {
			struct key k;
			size_t n = *p == ' ' ? 1 : key_parse(p, &k);
			assert_true(n > 0);
			if (*p != ' ')
				assert_int_equal(keymap_lookup(k), a);
			p += n;
		}
	}
}

static void test_describe(void **state)
{
	char buf[64];
	keymap_describe("j <Down> <C-N> <F1> <Space>", buf, sizeof buf);
	assert_string_equal(buf, "j, Down, Ctrl-N, F1, Space");
}

/* The text between ".SH KEYS" and the next ".SH", placeholder comment aside. */
static char *man_keys_section(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char line[1024];
	int in = 0;
	sb_add(&sb, "");
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, ".SH", 3) == 0) {
			in = strncmp(line, ".SH KEYS", 8) == 0;
			continue;
		}
		if (in && strncmp(line, ".\\\"", 3) != 0)
			sb_add(&sb, line);
	}
	fclose(f);
	return sb_detach(&sb);
}

static void test_man_page_matches(void **state)
{
	const char *src = getenv("SRCDIR");
	if (!src)
		skip();
	char path[4096];
	snprintf(path, sizeof path, "%s/man/sitrep.1", src);
	char *have = man_keys_section(path);
	assert_non_null(have);
	struct strbuf want = STRBUF_INIT;
	action_man_keys(&want);
	if (strcmp(have, sb_str(&want)) != 0)
		fprintf(stderr,
			"# man/sitrep.1 KEYS differs from the action table; it should be:\n%s",
			sb_str(&want));
	assert_string_equal(have, sb_str(&want));
	free(have);
	sb_free(&want);
}

int main(int argc, char **argv)
{
	/* `test_action --man` prints the section, to paste into sitrep.1 */
	if (argc > 1 && strcmp(argv[1], "--man") == 0) {
		struct strbuf sb = STRBUF_INIT;
		action_man_keys(&sb);
		fputs(sb_str(&sb), stdout);
		sb_free(&sb);
		return 0;
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names_unique_and_found),
	    cmocka_unit_test(test_default_keys_bound),
	    cmocka_unit_test(test_describe),
	    cmocka_unit_test(test_man_page_matches),
	};
	return cmocka_run_group_tests_name("action", tests, NULL, NULL);
}
