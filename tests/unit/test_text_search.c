/* Unit tests: the TUI search's rule: word starts, whole words unless the
 * needle ends in '*', folded case and accents. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/text.h"
#include "sitrep/text_search.h"

/* Where typed is found in text (both folded), -1 for nowhere. */
static long found(const char *text, const char *typed)
{
	char *needle = text_search_needle(typed), *t = text_fold(text);
	assert_non_null(needle);
	long at = text_search_find(t, needle, NULL);
	free(needle);
	free(t);
	return at;
}

static void test_whole_words(void **state)
{
	(void)state;
	assert_int_equal(found("Katiba Macina", "Kati"), -1);
	assert_int_equal(found("Attack on the Kati camp", "Kati"), 14);
	assert_int_equal(found("Kati, Koulikoro", "kati"), 0);
	assert_int_equal(found("Katiba Macina; Kati", "Kati"), 15); /* past a refused one */
	assert_int_equal(found("Ségou", "SEGOU"), 0);
	assert_int_equal(found("the Kati camp", "kati camp"), 4);
	assert_int_equal(found("Makati", "kati*"), -1); /* a word's start only */
}

static void test_prefixes(void **state)
{
	(void)state;
	assert_int_equal(found("Katiba Macina", "Kati*"), 0);
	assert_int_equal(found("the Katiba", "kati*"), 4);
	size_t len = 0;
	assert_int_equal(text_search_find("katiba", "kati*", &len), 0);
	assert_int_equal(len, 4);
	bool prefix;
	assert_int_equal(text_search_len("kati*", &prefix), 4);
	assert_true(prefix);
	assert_int_equal(text_search_len("kati", &prefix), 4);
	assert_false(prefix);
}

static void test_edges_and_needles(void **state)
{
	(void)state;
	/* no word edge is asked where the needle has no letter */
	assert_int_equal(found("2022-08-15", "-08-"), 4);
	assert_int_equal(found("Explosions/Remote violence", "remote"), 11);
	/* punctuation outside ASCII ends a word, a letter does not */
	assert_int_equal(found("Tessit\u2026", "tessit"), 0);
	assert_int_equal(found("\u00abKati\u00bb", "kati"), 2);
	assert_int_equal(found("Tessit\u00e9", "tessit"), -1);
	assert_int_equal(found("\u00e9Kati", "kati"), -1);
	char *n = text_search_needle("  Kati*  ");
	assert_string_equal(n, "kati*");
	free(n);
	assert_null(text_search_needle("   "));
	assert_null(text_search_needle("*"));
	assert_null(text_search_needle(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole_words),
	    cmocka_unit_test(test_prefixes),
	    cmocka_unit_test(test_edges_and_needles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
