/* Prompt line editing and history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <locale.h>

#include "sitrep/prompt.h"

static void type(struct prompt *p, const char *keys)
{
	while (*keys) {
		struct key k;
		size_t n = key_parse(keys, &k);
		prompt_key(p, k);
		keys += n;
	}
}

static void test_insert_and_move(void **state)
{
	struct prompt p;
	prompt_init(&p, 'f', "filter: ", NULL);
	type(&p, "actor<Left><Left>X<Home>^<End>$");
	assert_string_equal(prompt_text(&p), "^actXor$");
	type(&p, "<C-A><Right><Del>");
	assert_string_equal(prompt_text(&p), "^ctXor$");
	prompt_free(&p);
}

static void test_wide_backspace(void **state)
{
	struct prompt p;
	prompt_init(&p, '/', "/", NULL);
	type(&p, "a日本");
	assert_int_equal(prompt_cursor_col(&p), 5); /* wide characters take 2 */
	type(&p, "<BS>");
	assert_string_equal(prompt_text(&p), "a日");
	prompt_left(&p);
	assert_int_equal(prompt_cursor_col(&p), 1);
	prompt_free(&p);
}

static void test_kill(void **state)
{
	struct prompt p;
	prompt_init(&p, ':', ":", NULL);
	type(&p, "goto 2022 07<C-W>");
	assert_string_equal(prompt_text(&p), "goto 2022 ");
	type(&p, "<C-W>");
	assert_string_equal(prompt_text(&p), "goto ");
	type(&p, "x<Left><C-K>");
	assert_string_equal(prompt_text(&p), "goto ");
	type(&p, "<C-U>");
	assert_string_equal(prompt_text(&p), "");
	struct key bs = {KEY_BACKSPACE, true};
	assert_int_equal(prompt_key(&p, bs), PROMPT_CANCEL); /* on an empty line */
	assert_int_equal(prompt_key(&p, (struct key){'\n', false}), PROMPT_SUBMIT);
	prompt_free(&p);
}

static void test_history(void **state)
{
	struct history h = {0};
	history_add(&h, 'f', "actor:JNIM");
	history_add(&h, '/', "kati");
	history_add(&h, 'f', "region:Gao");
	history_add(&h, 'f', "actor:JNIM"); /* a repeat moves to the end */
	assert_int_equal(h.n, 3);
	struct prompt p;
	prompt_init(&p, 'f', "filter: ", &h);
	type(&p, "dra");
	type(&p, "<Up>");
	assert_string_equal(prompt_text(&p), "actor:JNIM");
	type(&p, "<Up>");
	assert_string_equal(prompt_text(&p), "region:Gao");
	type(&p, "<Up>"); /* no older filter: stays */
	assert_string_equal(prompt_text(&p), "region:Gao");
	type(&p, "<Down><Down>");
	assert_string_equal(prompt_text(&p), "dra");
	prompt_free(&p);
	history_free(&h);
}

static void test_history_file(void **state)
{
	char path[] = "/tmp/sitrep-hist-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct history h = {0}, back = {0};
	history_add(&h, ':', "goto 2022");
	history_add(&h, '/', "Ségou");
	assert_int_equal(history_save(&h, path), 0);
	assert_int_equal(history_load(&back, path), 0);
	assert_int_equal(back.n, 2);
	assert_int_equal(back.items[1].kind, '/');
	assert_string_equal(back.items[1].text, "Ségou");
	remove(path);
	history_free(&h);
	history_free(&back);
}

int main(void)
{
	/* widths need a UTF-8 locale, whatever the caller's */
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_insert_and_move),
	    cmocka_unit_test(test_wide_backspace),
	    cmocka_unit_test(test_kill),
	    cmocka_unit_test(test_history),
	    cmocka_unit_test(test_history_file),
	};
	return cmocka_run_group_tests_name("prompt", tests, NULL, NULL);
}
