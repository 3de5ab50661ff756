/* Unit tests for UTF-8 validity and Windows-1252 conversion. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/encoding.h"

#define VALID_LEN(s) enc_utf8_valid_len(s, sizeof(s) - 1)

static void test_utf8_valid(void **state)
{
	assert_true(enc_utf8_valid("", 0));
	assert_true(enc_utf8_valid("plain ascii, long enough to skip", 32));
	assert_true(enc_utf8_valid("S\xC3\xA9gou \xE2\x80\x93 \xF0\x9F\x92\xA3", 15));
	assert_int_equal(VALID_LEN("ab\xE9"
				   "cd"),
			 2);                                /* cp1252 é */
	assert_int_equal(VALID_LEN("\xC0\xAF"), 0);         /* overlong */
	assert_int_equal(VALID_LEN("x\xED\xA0\x80"), 1);    /* surrogate */
	assert_int_equal(VALID_LEN("\xF4\x90\x80\x80"), 0); /* > U+10FFFF */
	assert_int_equal(VALID_LEN("12345678\x80"), 8);     /* lone continuation */
	/* A sequence cut by the end is left for the next block. */
	assert_int_equal(VALID_LEN("abc\xE2\x80"), 3);
	assert_false(enc_utf8_valid("abc\xE2\x80", 5));
	assert_int_equal(VALID_LEN("abc\xE2\x80x"), 3);
}

static void test_cp1252(void **state)
{
	char *err = NULL;
	struct enc_conv *c = enc_cp1252_open(&err);
	assert_non_null(c);
	struct strbuf sb = STRBUF_INIT;
	const char *ascii = "Gao";
	assert_ptr_equal(enc_cp1252(c, ascii, 3, &sb), ascii);
	assert_string_equal(enc_cp1252(c, "S\xE9gou", 5, &sb), "S\xC3\xA9gou");
	/* 0x96 en dash, 0x80 euro, 0x81 undefined. */
	assert_string_equal(enc_cp1252(c,
				       "a\x96"
				       "b\x80\x81",
				       5, &sb),
			    "a\xE2\x80\x93"
			    "b\xE2\x82\xAC\xEF\xBF\xBD");
	assert_string_equal(enc_cp1252(c, "\xFF\xFF", 2, &sb), "\xC3\xBF\xC3\xBF");
	sb_free(&sb);
	enc_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_valid),
	    cmocka_unit_test(test_cp1252),
	};
	return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
