/* Unit tests: the stack of filter terms behind the TUI's chips. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/filter_stack.h"

static void assert_text(const struct filter_stack *s, const char *want)
{
	char *t = fstack_text(s);
	assert_string_equal(t, want);
	free(t);
}

static void test_push_split_toggle(void **state)
{
	struct filter_stack s;
	struct filter_error err;

	fstack_init(&s);
	assert_text(&s, "");
	assert_int_equal(fstack_push(&s, "actor:JNIM since:2022", &err), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.v[1].text, "since:2022");
	assert_int_equal(fstack_push(&s, "region:Kayes|Mopti", &err), 0);
	assert_text(&s, "actor:JNIM since:2022 region:Kayes|Mopti");
	fstack_toggle(&s, 1);
	assert_false(s.v[1].on);
	assert_int_equal(fstack_enabled(&s), 2);
	assert_text(&s, "actor:JNIM region:Kayes|Mopti");
	/* pushing a term that is there switches it back on, once */
	assert_int_equal(fstack_push(&s, "since:2022", &err), 0);
	assert_int_equal(s.n, 3);
	assert_true(s.v[1].on);
	fstack_toggle(&s, 0);
	fstack_toggle(&s, 1);
	fstack_toggle(&s, 2);
	assert_text(&s, "");
	fstack_toggle(&s, 7); /* out of range: nothing */
	fstack_free(&s);
}

static void test_or_terms_stay_whole(void **state)
{
	struct filter_stack s;
	struct filter_error err;
	struct filter_node *root;

	fstack_init(&s);
	assert_int_equal(fstack_push(&s, "kind:context", &err), 0);
	assert_int_equal(fstack_push(&s, "drone or ambush", &err), 0);
	assert_int_equal(s.n, 2);
	char *t = fstack_text(&s);
	assert_string_equal(t, "kind:context (drone or ambush)");
	assert_int_equal(filter_parse(t, &root, &err), 0);
	assert_int_equal(root->type, FILTER_AND);
	assert_int_equal(root->nkids, 2);
	filter_free(root);
	free(t);
	fstack_toggle(&s, 0); /* alone, it needs no parentheses */
	assert_text(&s, "drone or ambush");
	fstack_free(&s);
}

static void test_errors_leave_stack(void **state)
{
	struct filter_stack s;
	struct filter_error err;

	fstack_init(&s);
	assert_int_equal(fstack_push(&s, "actor:JNIM", &err), 0);
	assert_int_equal(fstack_push(&s, "since:2022 (unclosed", &err), -1);
	assert_true(err.column > 0);
	assert_int_equal(fstack_edit(&s, 0, "\"open", &err), -1);
	assert_int_equal(fstack_set(&s, "a or", &err), -1);
	assert_int_equal(s.n, 1);
	assert_text(&s, "actor:JNIM");
	fstack_free(&s);
}

static void test_edit_remove_clear(void **state)
{
	struct filter_stack s;
	struct filter_error err;

	fstack_init(&s);
	assert_int_equal(fstack_set(&s, "a b c", &err), 0);
	assert_int_equal(fstack_edit(&s, 1, "x y", &err), 0);
	assert_text(&s, "a x y c");
	assert_int_equal(fstack_edit(&s, 0, "", &err), 0); /* edited to nothing: gone */
	assert_text(&s, "x y c");
	fstack_remove(&s, 2);
	assert_text(&s, "x y");
	fstack_remove(&s, 9);
	assert_int_equal(fstack_set(&s, "region:Gao", &err), 0);
	assert_text(&s, "region:Gao");
	fstack_clear(&s);
	assert_int_equal(s.n, 0);
	assert_text(&s, "");
	fstack_free(&s);
}

static void test_term_make(void **state)
{
	struct filter_stack s;
	struct filter_error err;
	char *t;

	t = filter_term_make("actor", "Katiba Macina");
	assert_string_equal(t, "actor:\"Katiba Macina\"");
	free(t);
	t = filter_term_make("region", "Kayes");
	assert_string_equal(t, "region:Kayes");
	free(t);
	t = filter_term_make("date", "2022-07");
	assert_string_equal(t, "date:2022-07");
	free(t);
	t = filter_term_make("actor", "Jama'at \"x\" a|b\\");
	assert_string_equal(t, "actor:\"Jama'at \\\"x\\\" a|b\\\\\"");
	fstack_init(&s);
	assert_int_equal(fstack_push(&s, t, &err), 0);
	assert_int_equal(s.n, 1); /* one term, however odd the name */
	free(t);
	fstack_free(&s);
}

static void check_terms(const char *text, size_t want_n, const char *const *want)
{
	struct filter_stack s;
	struct filter_error err;

	fstack_init(&s);
	assert_int_equal(fstack_set(&s, text, &err), 0);
	assert_int_equal(s.n, want_n);
	for (size_t i = 0; i < s.n; i++) {
		assert_string_equal(s.v[i].text, want[i]);
		assert_non_null(s.v[i].node);
	}
	fstack_free(&s);
}

/* Terms as written, one per top-level AND operand. */
static void test_terms(void **state)
{
	static const char *const t1[] = {"actor:JNIM", "(a or  b)", "-region:\"Kayes\"|Mopti",
					 "since:2022"};
	static const char *const t2[] = {"a or b"};
	struct filter_stack s;
	struct filter_error err;

	check_terms(" actor:JNIM (a or  b) -region:\"Kayes\"|Mopti since:2022 ", 4, t1);
	check_terms("a or b", 1, t2);
	check_terms("", 0, NULL);
	fstack_init(&s);
	assert_int_equal(fstack_push(&s, "actor:JNIM", &err), 0);
	assert_int_equal(fstack_set(&s, "reigon:x", &err), -1);
	assert_int_equal(s.n, 1); /* unchanged */
	fstack_free(&s);
}

/* A term written in parentheses is not wrapped again: the text of the
 * stack, set again, gives the same text (it grew a pair each round). */
static void test_groups_round_trip(void **state)
{
	struct filter_stack s;
	struct filter_error err;
	const char *text = "(actor:ISGS or actor:JNIM) fatalities>=5";

	fstack_init(&s);
	assert_int_equal(fstack_set(&s, text, &err), 0);
	for (int round = 0; round < 3; round++) {
		char *t = fstack_text(&s);
		assert_string_equal(t, text);
		assert_int_equal(fstack_set(&s, t, &err), 0);
		free(t);
	}
	fstack_free(&s);
}

/* The tree of the terms on is the one their text parses to. */
static void check_tree(const struct filter_stack *s)
{
	struct filter_node *tree = fstack_tree(s), *parsed;
	struct filter_error err;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	char *text = fstack_text(s);

	assert_int_equal(filter_parse(text, &parsed, &err), 0);
	filter_dump(tree, &a);
	filter_dump(parsed, &b);
	assert_string_equal(sb_str(&a), sb_str(&b));
	fstack_tree_free(s, tree);
	filter_free(parsed);
	sb_free(&a);
	sb_free(&b);
	free(text);
}

static void test_tree(void **state)
{
	struct filter_stack s;
	struct filter_error err;

	fstack_init(&s);
	assert_null(fstack_tree(&s));
	assert_int_equal(fstack_set(&s, "actor:JNIM drone (a or b) -region:Kayes", &err), 0);
	check_tree(&s);
	fstack_toggle(&s, 0);
	check_tree(&s);
	fstack_toggle(&s, 1);
	fstack_toggle(&s, 3);
	check_tree(&s); /* one term on: that term's own tree */
	assert_ptr_equal(fstack_tree(&s), s.v[2].node);
	/* glued terms, as fuzz_filter found them */
	assert_int_equal(fstack_set(&s, "(\x14n)-=", &err), 0);
	check_tree(&s);
	assert_int_equal(fstack_set(&s, "\"!\"-!", &err), 0);
	check_tree(&s);
	/* "starred" glued to a string or a group is the field, as it is once
	 * the chips are joined with spaces (fuzz_filter, regress/filter/) */
	assert_int_equal(fstack_set(&s, "starred\"i\"\t\t", &err), 0);
	check_tree(&s);
	assert_int_equal(fstack_set(&s, "starred(x)", &err), 0);
	check_tree(&s);
	fstack_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_push_split_toggle),  cmocka_unit_test(test_or_terms_stay_whole),
	    cmocka_unit_test(test_errors_leave_stack), cmocka_unit_test(test_edit_remove_clear),
	    cmocka_unit_test(test_term_make),          cmocka_unit_test(test_terms),
	    cmocka_unit_test(test_groups_round_trip),  cmocka_unit_test(test_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
