/* Unit tests for the CSV reader: RFC 4180 plus what real exports do. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/csv.h"

struct fixture {
	FILE *f;
	struct csv_reader *r;
	struct csv_record rec;
};

static void open_text(struct fixture *fx, const char *text, size_t n, char delim)
{
	fx->f = fmemopen((void *)text, n, "r");
	assert_non_null(fx->f);
	fx->r = csv_open(fx->f, delim);
}

static void close_text(struct fixture *fx)
{
	csv_close(fx->r);
	fclose(fx->f);
}

#define OPEN(fx, s) open_text(fx, s, sizeof(s) - 1, ',')

static void expect_fields(struct fixture *fx, unsigned long line, size_t n, ...)
{
	assert_int_equal(csv_read(fx->r, &fx->rec), 1);
	assert_int_equal(fx->rec.line, line);
	assert_int_equal(fx->rec.nfields, n);
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);
		assert_string_equal(fx->rec.fields[i], want);
		assert_int_equal(fx->rec.lengths[i], strlen(want));
	}
	va_end(ap);
}

static void test_plain(void **state)
{
	struct fixture fx;
	OPEN(&fx, "a,b,c\n1,2,3\n");
	expect_fields(&fx, 1, 3, "a", "b", "c");
	expect_fields(&fx, 2, 3, "1", "2", "3");
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	assert_int_equal(csv_had_bom(fx.r), 0);
	close_text(&fx);
}

static void test_quotes_and_newlines(void **state)
{
	struct fixture fx;
	OPEN(&fx, "id,note\r\n1,\"say \"\"hi\"\", then\nleave\"\r\n2,\"a,b\"\r\n");
	expect_fields(&fx, 1, 2, "id", "note");
	expect_fields(&fx, 2, 2, "1", "say \"hi\", then\nleave");
	expect_fields(&fx, 4, 2, "2", "a,b");
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	close_text(&fx);
}

static void test_bom_crlf_no_final_newline(void **state)
{
	struct fixture fx;
	OPEN(&fx, "\xEF\xBB\xBFx,y\r\n1,\r\n,2");
	expect_fields(&fx, 1, 2, "x", "y");
	expect_fields(&fx, 2, 2, "1", "");
	expect_fields(&fx, 3, 2, "", "2");
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	assert_int_equal(csv_had_bom(fx.r), 1);
	close_text(&fx);
}

static void test_blank_lines_and_trailing_cells(void **state)
{
	struct fixture fx;
	OPEN(&fx, "A,B,,\n\n1,2,,\n\"\"\n\n");
	expect_fields(&fx, 1, 4, "A", "B", "", "");
	expect_fields(&fx, 3, 4, "1", "2", "", "");
	expect_fields(&fx, 4, 1, ""); /* a quoted empty field is a record */
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	close_text(&fx);
}

static void test_bare_cr_and_lf_in_crlf_file(void **state)
{
	struct fixture fx;
	/* A legacy export: CRLF rows, a bare LF inside a quoted note. */
	OPEN(&fx, "a,b\r\n1,\"x\ny\"\r\n2,z\r3,w\r\n");
	expect_fields(&fx, 1, 2, "a", "b");
	expect_fields(&fx, 2, 2, "1", "x\ny");
	expect_fields(&fx, 4, 2, "2", "z");
	expect_fields(&fx, 5, 2, "3", "w");
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	close_text(&fx);
}

static void test_unterminated_quote(void **state)
{
	struct fixture fx;
	OPEN(&fx, "a,b\n1,\"never closed\n2,3\n");
	expect_fields(&fx, 1, 2, "a", "b");
	assert_int_equal(csv_read(fx.r, &fx.rec), -1);
	assert_non_null(strstr(csv_error(fx.r), "line 2"));
	assert_non_null(strstr(csv_error(fx.r), "unterminated"));
	assert_int_equal(csv_read(fx.r, &fx.rec), -1); /* stays failed */
	close_text(&fx);
}

static void test_stray_quotes_kept(void **state)
{
	struct fixture fx;
	OPEN(&fx, "5\" gun,\"a\"b\n");
	expect_fields(&fx, 1, 2, "5\" gun", "ab");
	close_text(&fx);
}

static void test_tsv_and_nul(void **state)
{
	struct fixture fx;
	static const char text[] = "a\tb,c\n1\t\0x\n";
	open_text(&fx, text, sizeof(text) - 1, '\t');
	expect_fields(&fx, 1, 2, "a", "b,c");
	assert_int_equal(csv_read(fx.r, &fx.rec), 1);
	assert_int_equal(fx.rec.nfields, 2);
	assert_int_equal(fx.rec.lengths[1], 2); /* the NUL is kept, counted */
	assert_int_equal(fx.rec.fields[1][1], 'x');
	close_text(&fx);
}

/* Fields and a CRLF split across the reader's 256 KiB blocks. */
static void test_block_boundaries(void **state)
{
	size_t big = 700 * 1024;
	char *text = malloc(big + 64);
	assert_non_null(text);
	size_t n = 0;
	text[n++] = '"';
	for (size_t i = 0; i < big; i++)
		text[n++] = i % 1000 == 999 ? '\n' : (char)('a' + i % 26);
	memcpy(text + n, "\",2\r\n3,4\r\n", 10);
	n += 10;
	struct fixture fx;
	open_text(&fx, text, n, ',');
	assert_int_equal(csv_read(fx.r, &fx.rec), 1);
	assert_int_equal(fx.rec.nfields, 2);
	assert_int_equal(fx.rec.lengths[0], big);
	assert_string_equal(fx.rec.fields[1], "2");
	assert_int_equal(csv_read(fx.r, &fx.rec), 1);
	assert_int_equal(fx.rec.line, 1 + big / 1000 + 1);
	assert_string_equal(fx.rec.fields[0], "3");
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	assert_int_equal(csv_offset(fx.r), (long long)n);
	close_text(&fx);
	free(text);
}

static void test_empty_input(void **state)
{
	struct fixture fx;
	open_text(&fx, "\n", 1, ',');
	assert_int_equal(csv_read(fx.r, &fx.rec), 0);
	close_text(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),
	    cmocka_unit_test(test_quotes_and_newlines),
	    cmocka_unit_test(test_bom_crlf_no_final_newline),
	    cmocka_unit_test(test_blank_lines_and_trailing_cells),
	    cmocka_unit_test(test_bare_cr_and_lf_in_crlf_file),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_stray_quotes_kept),
	    cmocka_unit_test(test_tsv_and_nul),
	    cmocka_unit_test(test_block_boundaries),
	    cmocka_unit_test(test_empty_input),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
