/* Unit tests: the sitrep text format reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/import.h"
#include "sitrep/event_record.h"

static char path[256];
static struct store *store;
static char msgs[4096];
static FILE *msgf;

static int setup(void **state)
{
	char *err = NULL;
	snprintf(path, sizeof(path), "/tmp/sitrep-test-native-%d.db", (int)getpid());
	unlink(path);
	store = store_open(path, &err);
	assert_non_null(store);
	store_begin(store, &err);
	memset(msgs, 0, sizeof(msgs));
	msgf = fmemopen(msgs, sizeof(msgs) - 1, "w");
	setvbuf(msgf, NULL, _IONBF, 0);
	return 0;
}

static int teardown(void **state)
{
	fclose(msgf);
	store_close(store);
	unlink(path);
	return 0;
}

static int import_text(const char *text, bool strict, struct import_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->store = store;
	ctx->file = "t.sitrep";
	ctx->strict = strict;
	ctx->msg = msgf;
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int rc = import_native(ctx, in);
	fclose(in);
	return rc;
}

#define HEAD "# sitrep-data 1\n"

static void test_full_record(void **state)
{
	struct import_ctx ctx;
	const char *text =
	    HEAD "@actor\nname: JNIM\nalias: GSIM\nkind: non-state armed group\n\n"
		 "@event\nid: a2\nkind: incident\ndate: 2023-01-02\n"
		 "title: Attack on the post\ndescription: First line\n  continued.\n"
		 "coords: 12.7375, -7.2770\nfatalities: 5\nfatalities-low: 3\n"
		 "claimed: GSIM\n"
		 "source: APA report\nsource-url: https://a.example/\nsource-fatalities: 3\n"
		 "source-quote: at least three\n"
		 "source: AFP\nsource-url: https://b.example/\nsource-fatalities: 5\n";
	assert_int_equal(import_text(text, true, &ctx), 0);
	assert_int_equal(ctx.stats.inserted, 1);
	assert_int_equal(ctx.stats.skipped, 0);
	struct event_record r;
	char *err = NULL;
	assert_int_equal(event_record_load(store_db(store), 1, &r, &err), 0);
	assert_string_equal(r.description, "First line continued.");
	assert_int_equal(r.fatalities, 5);
	assert_int_equal(r.fatalities_low, 3);
	assert_int_equal(r.nsources, 2);
	assert_int_equal(r.sources[0].fatalities, 3);
	assert_string_equal(r.sources[0].quote, "at least three");
	assert_string_equal(r.actors[0].name, "JNIM");
	assert_string_equal(r.actors[0].role, "claimed");
	assert_true(r.has_coords);
	event_record_free(&r);
}

static void test_unknown_key(void **state)
{
	struct import_ctx ctx;
	const char *text = HEAD "@event\nid: x\nkind: incident\ndate: 2023-01-02\ntitel: typo\n";
	assert_int_equal(import_text(text, false, &ctx), 0);
	assert_int_equal(ctx.stats.skipped, 1);
	assert_non_null(strstr(msgs, "t.sitrep:6: unknown key 'titel'"));
}

static void test_strict_stops(void **state)
{
	struct import_ctx ctx;
	const char *text = HEAD "@event\nid: x\nkind: incident\ndate: 2023-02-30\ntitle: t\n\n"
				"@event\nid: y\nkind: incident\ndate: 2023-02-01\ntitle: t\n";
	assert_int_equal(import_text(text, true, &ctx), -1);
	assert_true(ctx.failed);
	assert_non_null(strstr(msgs, "t.sitrep:2: missing or invalid date"));
	assert_int_equal(ctx.stats.inserted, 0);
}

static void test_bad_values(void **state)
{
	struct import_ctx ctx;
	const char *text =
	    HEAD "@event\nid: a\nkind: incident\ndate: 2023\ntitle: t\nfatalities: many\n\n"
		 "@event\nid: b\nkind: riot\ndate: 2023\ntitle: t\n\n"
		 "@event\nid: c\nkind: incident\ndate: 2023\ntitle: t\ncoords: 999, 0\n\n"
		 "@event\nid: d\nkind: incident\ndate: 2023\ntitle: t\nsource-url: x\n\n"
		 "@widget\nname: w\n\n"
		 "@event\nid: ok\nkind: context\ndate: 2023-05\ntitle: fine\n";
	assert_int_equal(import_text(text, false, &ctx), 0);
	assert_int_equal(ctx.stats.skipped, 5);
	assert_int_equal(ctx.stats.inserted, 1);
	assert_non_null(strstr(msgs, "not a whole number"));
	assert_non_null(strstr(msgs, "kind must be"));
	assert_non_null(strstr(msgs, "out of range"));
	assert_non_null(strstr(msgs, "before any 'source'"));
	assert_non_null(strstr(msgs, "unknown record type '@widget'"));
}

static void test_not_native(void **state)
{
	struct import_ctx ctx;
	assert_int_equal(import_text("id,name\n1,x\n", false, &ctx), -1);
	assert_non_null(strstr(msgs, "not a sitrep text file"));
}

static void test_reimport_unchanged(void **state)
{
	struct import_ctx ctx;
	const char *text = HEAD "@event\nid: a\nkind: incident\ndate: 2023\ntitle: t\n";
	assert_int_equal(import_text(text, true, &ctx), 0);
	assert_int_equal(ctx.stats.inserted, 1);
	assert_int_equal(import_text(text, true, &ctx), 0);
	assert_int_equal(ctx.stats.unchanged, 1);
	assert_int_equal(ctx.stats.inserted, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_full_record, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_strict_stops, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_native, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reimport_unchanged, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
