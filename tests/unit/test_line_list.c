/* line_list: paging and the cursor as help, detail, actor detail and the
 * saved views had them each, now in one place. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "sitrep/line_list.h"
#include "sitrep/view.h"

static void fill(struct line_list *l, int n)
{
	char text[32];
	for (int i = 0; i < n; i++) {
		snprintf(text, sizeof text, "line %d", i + 1);
		lines_add(l, NULL, text, ROLE_NORMAL);
	}
	l->height = 10; /* as lines_draw would set it for a 10-row window */
}

static void position(const struct line_list *l, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	lines_position(l, &sb);
	assert_string_equal(sb_str(&sb), want);
	sb_free(&sb);
}

/* A scrolled list (help): a page keeps one line of the last; the window
 * never goes past the end. */
static void test_scrolled(void **state)
{
	struct line_list l;
	(void)state;
	lines_init(&l, false, 1, 0);
	fill(&l, 25);
	assert_int_equal(lines_action(&l, ACT_PAGE_DOWN, NULL), UI_HANDLED);
	position(&l, "10-19/25");
	lines_action(&l, ACT_PAGE_DOWN, NULL);
	position(&l, "16-25/25");
	lines_action(&l, ACT_MOVE_UP, NULL);
	position(&l, "15-24/25");
	lines_action(&l, ACT_MOVE_FIRST, NULL);
	position(&l, "1-10/25");
	assert_int_equal(lines_action(&l, ACT_ENTER, NULL), UI_UNHANDLED);
	assert_null(lines_selected(&l));
	lines_free(&l);
}

/* A cursor list (detail): a page moves the cursor and the window by a
 * whole page; find goes to the next line holding the search, wrapping. */
static void test_cursor_and_find(void **state)
{
	struct line_list l;
	(void)state;
	lines_init(&l, true, 0, 0);
	fill(&l, 25);
	lines_action(&l, ACT_MOVE_DOWN, NULL);
	position(&l, "line 2/25");
	lines_action(&l, ACT_PAGE_DOWN, NULL);
	position(&l, "line 12/25");
	assert_int_equal(l.top, 10);
	lines_action(&l, ACT_MOVE_LAST, NULL);
	position(&l, "line 25/25");
	assert_int_equal(lines_action(&l, ACT_FIND_NEXT, "line 3"), UI_HANDLED);
	assert_string_equal(lines_selected(&l)->text, "line 3");
	assert_int_equal(lines_action(&l, ACT_FIND_PREV, "line 2"), UI_HANDLED);
	assert_string_equal(lines_selected(&l)->text, "line 2");
	/* past the top: from the end; "line 2*" is a word start, so line 25
	 * holds it, where "line 2" is a whole word that line 25 does not */
	lines_action(&l, ACT_FIND_PREV, "line 2*");
	assert_string_equal(lines_selected(&l)->text, "line 25");
	lines_action(&l, ACT_FIND_PREV, "line 2");
	assert_string_equal(lines_selected(&l)->text, "line 2");
	assert_int_equal(lines_action(&l, ACT_FIND_NEXT, "nowhere"), UI_UNHANDLED);
	lines_free(&l);
}

/* A click picks the line under it, below a header row; a double click
 * asks the view to open it; the wheel moves three lines. */
static void test_mouse(void **state)
{
	struct line_list l;
	(void)state;
	lines_init(&l, true, 0, 1);
	fill(&l, 5);
	assert_false(lines_mouse(&l, MOUSE_CLICK, 0)); /* the header */
	assert_false(lines_mouse(&l, MOUSE_CLICK, 3));
	assert_string_equal(lines_selected(&l)->text, "line 3");
	assert_true(lines_mouse(&l, MOUSE_DOUBLE, 1));
	assert_false(lines_mouse(&l, MOUSE_CLICK, 9)); /* below the last */
	assert_string_equal(lines_selected(&l)->text, "line 1");
	lines_mouse(&l, MOUSE_WHEEL_DOWN, 0);
	assert_string_equal(lines_selected(&l)->text, "line 4");
	lines_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scrolled),
	    cmocka_unit_test(test_cursor_and_find),
	    cmocka_unit_test(test_mouse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
