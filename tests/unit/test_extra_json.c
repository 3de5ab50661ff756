/* Unit tests for the extra column's JSON object: built, parsed, looked up. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/extra_json.h"

static void add(struct strbuf *sb, const char *k, const char *v)
{
	extra_add(sb, k, strlen(k), v, strlen(v));
}

static void test_build(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	extra_end(&sb);
	assert_int_equal(sb.len, 0); /* no pair: no object */
	add(&sb, "inter1", "2");
	add(&sb, "tags", "a \"b\"; c\\d\nline\ttab \x01 – é");
	extra_end(&sb);
	assert_string_equal(sb.buf, "{\"inter1\":\"2\",\"tags\":\"a \\\"b\\\"; c\\\\d\\nline\\ttab "
				    "\\u0001 – é\"}");
	sb_free(&sb);
}

static void test_round_trip(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *v = "quote \" backslash \\ newline \n cr \r \x1f end – ü";
	add(&sb, "ADMIN3", v);
	add(&sb, "", "empty key");
	extra_end(&sb);
	struct extra_field *f;
	assert_int_equal(extra_parse(sb.buf, &f), 2);
	assert_string_equal(f[0].key, "ADMIN3");
	assert_string_equal(f[0].value, v);
	assert_string_equal(f[1].key, "");
	extra_free(f, 2);
	char *got = extra_get(sb.buf, "admin3"); /* case is ignored */
	assert_string_equal(got, v);
	free(got);
	assert_null(extra_get(sb.buf, "tags"));
	assert_null(extra_get(NULL, "tags"));
	sb_free(&sb);
}

static void test_parse(void **state)
{
	struct extra_field *f;
	assert_int_equal(extra_parse(" { } ", &f), 0);
	extra_free(f, 0);
	assert_int_equal(extra_parse("{ \"a\" : \"\\u00e9\\ud83d\\ude00\\/\" , \"b\":\"\"}", &f),
			 2);
	assert_string_equal(f[0].value, "é😀/");
	assert_string_equal(f[1].value, "");
	extra_free(f, 2);
	static const char *const bad[] = {"",
					  "[]",
					  "{\"a\":1}",
					  "{\"a\":\"x\"",
					  "{\"a\":\"x\",}",
					  "{a:\"x\"}",
					  "{\"a\":\"\\u0000\"}",
					  "{\"a\":\"\\ud83d\"}",
					  "{\"a\":\"x\"} x",
					  "{\"a\":\"\\q\"}",
					  "{\"a\":\"tab\there\"}",
					  "{\"a\"}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(extra_parse(bad[i], &f), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_build),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
