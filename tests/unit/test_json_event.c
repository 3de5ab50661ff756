/* Unit tests for the JSON shapes show and export share: the exact bytes of
 * each layout, and that the two layouts differ only in white space. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/json_event.h"

/* What the writer calls between opened() and written() wrote, as a
 * fresh string. */
static char *buf;
static size_t len;

static FILE *opened(void)
{
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	return f;
}

static char *written(FILE *f)
{
	fclose(f);
	return buf;
}

#define WRITTEN(call, out)                                                                         \
	do {                                                                                       \
		FILE *f = opened();                                                                \
		call;                                                                              \
		out = written(f);                                                                  \
	} while (0)

/* s without the white space outside JSON strings: the indented layout
 * squeezed back to the compact one. */
static char *squeezed(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	bool in_str = false;
	for (; *s; s++) {
		if (in_str && *s == '\\' && s[1]) {
			*o++ = *s++;
			*o++ = *s;
			continue;
		}
		if (*s == '"')
			in_str = !in_str;
		if (in_str || (*s != ' ' && *s != '\n'))
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* Both layouts of one call: the compact one is want, and the indented one
 * is the same but for white space. */
#define BOTH(want, call)                                                                           \
	do {                                                                                       \
		enum json_layout l = JSON_COMPACT;                                                 \
		char *c, *i;                                                                       \
		WRITTEN(call, c);                                                                  \
		l = JSON_INDENTED;                                                                 \
		WRITTEN(call, i);                                                                  \
		char *sq = squeezed(i);                                                            \
		assert_string_equal(c, want);                                                      \
		assert_string_equal(sq, c);                                                        \
		free(c);                                                                           \
		free(i);                                                                           \
		free(sq);                                                                          \
	} while (0)

static void test_source(void **state)
{
	struct json_source s = {
	    .title = "a \"t\" \\ \x1b", .url = "http://x/ y", .fatalities = "7"};
	BOTH("{\"title\":\"a \\\"t\\\" \\\\ \\u001b\",\"publisher\":null,\"url\":\"http://x/ y\","
	     "\"published\":null,\"quote\":null,\"fatalities\":7}",
	     json_source(f, l, &s));
	s = (struct json_source){.publisher = "P", .published = "2023-01-02", .quote = "q\nq"};
	char *got;
	WRITTEN(json_source(f, JSON_INDENTED, &s), got);
	assert_string_equal(got, "{\"title\": null, \"publisher\": \"P\", \"url\": null, "
				 "\"published\": \"2023-01-02\", \"quote\": \"q\\nq\", "
				 "\"fatalities\": null}");
	free(got);
}

static void test_actor(void **state)
{
	struct json_actor a = {.name = "JNIM \"GSIM\"", .role = "actor1"};
	BOTH("{\"name\":\"JNIM \\\"GSIM\\\"\",\"role\":\"actor1\"}", json_actor(f, l, &a));
	a = (struct json_actor){.name = "N",
				.role = "claimed",
				.detailed = true,
				.id = 12,
				.kind = "group",
				.parent = NULL};
	BOTH("{\"id\":12,\"name\":\"N\",\"kind\":\"group\",\"role\":\"claimed\",\"parent\":null}",
	     json_actor(f, l, &a));
	char *got;
	WRITTEN(json_actor(f, JSON_INDENTED, &a), got);
	assert_string_equal(got, "{\"id\": 12, \"name\": \"N\", \"kind\": \"group\", "
				 "\"role\": \"claimed\", \"parent\": null}");
	free(got);
}

static void test_extra(void **state)
{
	BOTH("null", json_extra(f, l, NULL));
	BOTH("\"not \\\"an\\\" object\"", json_extra(f, l, "not \"an\" object"));
	BOTH("{}", json_extra(f, l, " { } "));
	const char *x = "{\"k\\\"ey\":\"v\\nal\",\"b\":\"\\u0001 é\"}";
	BOTH("{\"k\\\"ey\":\"v\\nal\",\"b\":\"\\u0001 é\"}", json_extra(f, l, x));
	char *got;
	WRITTEN(json_extra(f, JSON_INDENTED, x), got);
	assert_string_equal(got, "{\n    \"k\\\"ey\": \"v\\nal\",\n    \"b\": \"\\u0001 é\"\n  }");
	free(got);
}

static void test_list(void **state)
{
	BOTH("[]", (fputc('[', f), json_close(f, l, 0, ']')));
	BOTH("[1,2]", (fputc('[', f), json_item(f, l, 0), fputc('1', f), json_item(f, l, 1),
		       fputc('2', f), json_close(f, l, 2, ']')));
	char *got;
	WRITTEN((fputc('[', f), json_item(f, JSON_INDENTED, 0), fputc('1', f),
		 json_item(f, JSON_INDENTED, 1), fputc('2', f),
		 json_close(f, JSON_INDENTED, 2, ']')),
		got);
	assert_string_equal(got, "[\n    1,\n    2\n  ]");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_source),
	    cmocka_unit_test(test_actor),
	    cmocka_unit_test(test_extra),
	    cmocka_unit_test(test_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
