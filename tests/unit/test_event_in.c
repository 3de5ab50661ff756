/* Unit tests for event fingerprints: the legacy FNV-1a gives what every
 * earlier build gave, and the word-at-a-time hash notices any one change. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/store.h"
#include "sitrep/util.h"

/* A record with every field set: two actors, two sources, coordinates. */
static const struct actor_in fixture_actors[] = {
    {"JNIM", "actor1"},
    {"Civilians (Mali)", "target"},
};

static const struct source_in fixture_sources[] = {
    {"Attack near Bamako", "APA", "https://example.org/a", "2022-07-22", "at least 5 killed", 5},
    {"Bamako: the toll", "RFI", "https://example.org/b", NULL, NULL, -1},
};

static void fixture(struct event_in *e)
{
	event_in_init(e);
	e->kind = "incident";
	e->date.start = 19195;
	e->date.end = 19196;
	e->date.prec = DATE_DAY;
	e->title = "Attack on Kati";
	e->description = "Suicide attack on the Kati camp \xe2\x80\x93 near Bamako.";
	e->event_type = "Explosions/Remote violence";
	e->sub_event_type = "Suicide bomb";
	e->location = "Kati";
	e->admin1 = "Koulikoro";
	e->admin2 = "Kati";
	e->country = "Mali";
	e->has_coords = true;
	e->lat = 12.7441;
	e->lon = -8.0726;
	e->geo_precision = 1;
	e->fatalities = 5;
	e->fatalities_low = 1;
	e->fatalities_high = 7;
	e->fatalities_note = "sources disagree";
	e->origin = "acled";
	e->origin_id = "MLI123";
	e->extra = "{\"inter1\":\"2\"}";
	e->actors = fixture_actors;
	e->nactors = 2;
	e->sources = fixture_sources;
	e->nsources = 2;
}

static long long fnv1a(const struct event_in *e)
{
	return event_fingerprint(e, FINGERPRINT_FNV1A);
}

static long long wordmix(const struct event_in *e)
{
	return event_fingerprint(e, FINGERPRINT_WORDMIX);
}

static bool little_endian(void)
{
	const uint16_t one = 1;
	unsigned char b;
	memcpy(&b, &one, 1);
	return b == 1;
}

/* The values the build before wordmix computed (FNV-1a over the numbers as
 * they lie in memory, so on a little-endian machine): databases it wrote
 * hold them, and a re-import must find them again. */
static void test_fnv1a_unchanged(void **state)
{
	struct event_in e;
	if (!little_endian())
		skip();
	fixture(&e);
	assert_int_equal(fnv1a(&e), 2130870519777194168LL);
	event_in_init(&e);
	assert_int_equal(fnv1a(&e), 8978152160029264852LL);
}

/* wordmix1 is as fixed as FNV-1a: databases hold it. A different result
 * here needs a new name (fingerprint_name) and this one kept. */
static void test_wordmix_pinned(void **state)
{
	struct event_in e;
	fixture(&e);
	assert_int_equal(wordmix(&e), 340914247712770385LL);
	event_in_init(&e);
	assert_int_equal(wordmix(&e), 8353212287557249692LL);
}

/* The same content at other addresses: the same hash, twice. */
static void test_same_record(void **state)
{
	struct event_in a, b;
	fixture(&a);
	fixture(&b);
	char *title = xstrdup(a.title), *url = xstrdup(fixture_sources[1].url);
	struct actor_in actors[2];
	struct source_in sources[2];
	memcpy(actors, fixture_actors, sizeof(actors));
	memcpy(sources, fixture_sources, sizeof(sources));
	sources[1].url = url;
	b.title = title;
	b.actors = actors;
	b.sources = sources;
	assert_int_equal(wordmix(&a), wordmix(&b));
	assert_int_equal(wordmix(&a), wordmix(&a));
	assert_int_equal(fnv1a(&a), fnv1a(&b));
	assert_true(wordmix(&a) >= 0);
	free(title);
	free(url);
}

/* One change each, made to a fresh fixture; the actor and source arrays
 * are copies the change may write to. */
struct change {
	const char *what;
	void (*apply)(struct event_in *e, struct actor_in *actors, struct source_in *sources);
};

#define CHANGE(name, body)                                                                         \
	static void name(struct event_in *e, struct actor_in *actors, struct source_in *sources)   \
	{                                                                                          \
		(void)actors;                                                                      \
		(void)sources;                                                                     \
		body;                                                                              \
	}

CHANGE(ch_title, e->title = "Attack on Katy")
CHANGE(ch_title_longer, e->title = "Attack on Kati.")
CHANGE(ch_kind, e->kind = "context")
CHANGE(ch_date_start, e->date.start--)
CHANGE(ch_date_end, e->date.end++)
CHANGE(ch_prec, e->date.prec = DATE_MONTH)
CHANGE(ch_description_null, e->description = NULL)
CHANGE(ch_description_empty, e->description = "")
CHANGE(ch_note_null, e->fatalities_note = NULL)
CHANGE(ch_note_empty, e->fatalities_note = "")
CHANGE(ch_boundary, (e->admin1 = "KoulikoroK", e->admin2 = "ati"))
CHANGE(ch_boundary_back, (e->admin1 = "Koulikor", e->admin2 = "oKati"))
/* FNV-1a ends each string with 0x1f, so it cannot tell these two apart;
 * wordmix counts lengths. */
CHANGE(ch_separator_inside, (e->admin1 = "Koulikoro\x1f", e->admin2 = "Kati"))
CHANGE(ch_separator_moved, (e->admin1 = "Koulikoro", e->admin2 = "\x1fKati"))
CHANGE(ch_move_to_next, (e->location = NULL, e->admin1 = "Kati"))
CHANGE(ch_lat, e->lat = 12.7442)
CHANGE(ch_lon, e->lon = 8.0726)
CHANGE(ch_no_coords, e->has_coords = false)
CHANGE(ch_geo_precision, e->geo_precision = 2)
CHANGE(ch_fatalities, e->fatalities = 6)
CHANGE(ch_fatalities_unknown, e->fatalities = -1)
CHANGE(ch_low, e->fatalities_low = 2)
CHANGE(ch_high, e->fatalities_high = 8)
CHANGE(ch_extra, e->extra = "{\"inter1\":\"3\"}")
CHANGE(ch_extra_null, e->extra = NULL)
CHANGE(ch_actor_name, actors[0].name = "GSIM")
CHANGE(ch_actor_role, actors[1].role = "assoc")
CHANGE(ch_actor_role_null, actors[1].role = NULL)
CHANGE(ch_actors_swapped, (actors[0] = fixture_actors[1], actors[1] = fixture_actors[0]))
CHANGE(ch_one_actor, e->nactors = 1)
CHANGE(ch_no_actor, e->nactors = 0)
CHANGE(ch_source_title, sources[0].title = "Attack near Bamako!")
CHANGE(ch_source_publisher, sources[1].publisher = "RFI Afrique")
CHANGE(ch_source_url, sources[1].url = "https://example.org/c")
CHANGE(ch_source_published, sources[1].published = "2022-07-23")
CHANGE(ch_source_quote, sources[0].quote = "at least 6 killed")
CHANGE(ch_source_quote_empty, sources[1].quote = "")
CHANGE(ch_source_fatalities, sources[0].fatalities = 4)
CHANGE(ch_one_source, e->nsources = 1)
CHANGE(ch_sources_swapped, (sources[0] = fixture_sources[1], sources[1] = fixture_sources[0]))
/* An actor's two fields passed as a source's title and publisher, the
 * rest of the source absent. */
CHANGE(ch_actor_as_source,
       (e->nactors = 1,
	sources[0] = (struct source_in){"Civilians (Mali)", "target", NULL, NULL, NULL, -1},
	e->nsources = 1))
CHANGE(ch_origin_unhashed, e->origin_id = "MLI124") /* the key, not the content */

static const struct change changes[] = {
    {"title", ch_title},
    {"title_longer", ch_title_longer},
    {"kind", ch_kind},
    {"date_start", ch_date_start},
    {"date_end", ch_date_end},
    {"prec", ch_prec},
    {"description_null", ch_description_null},
    {"description_empty", ch_description_empty},
    {"note_null", ch_note_null},
    {"note_empty", ch_note_empty},
    {"boundary", ch_boundary},
    {"boundary_back", ch_boundary_back},
    {"separator_inside", ch_separator_inside},
    {"separator_moved", ch_separator_moved},
    {"move_to_next", ch_move_to_next},
    {"lat", ch_lat},
    {"lon", ch_lon},
    {"no_coords", ch_no_coords},
    {"geo_precision", ch_geo_precision},
    {"fatalities", ch_fatalities},
    {"fatalities_unknown", ch_fatalities_unknown},
    {"low", ch_low},
    {"high", ch_high},
    {"extra", ch_extra},
    {"extra_null", ch_extra_null},
    {"actor_name", ch_actor_name},
    {"actor_role", ch_actor_role},
    {"actor_role_null", ch_actor_role_null},
    {"actors_swapped", ch_actors_swapped},
    {"one_actor", ch_one_actor},
    {"no_actor", ch_no_actor},
    {"source_title", ch_source_title},
    {"source_publisher", ch_source_publisher},
    {"source_url", ch_source_url},
    {"source_published", ch_source_published},
    {"source_quote", ch_source_quote},
    {"source_quote_empty", ch_source_quote_empty},
    {"source_fatalities", ch_source_fatalities},
    {"one_source", ch_one_source},
    {"sources_swapped", ch_sources_swapped},
    {"actor_as_source", ch_actor_as_source},
};

static long long changed(const struct change *c)
{
	struct event_in e;
	struct actor_in actors[2];
	struct source_in sources[2];
	fixture(&e);
	memcpy(actors, fixture_actors, sizeof(actors));
	memcpy(sources, fixture_sources, sizeof(sources));
	e.actors = actors;
	e.sources = sources;
	c->apply(&e, actors, sources);
	return wordmix(&e);
}

static void test_any_change(void **state)
{
	struct event_in e;
	fixture(&e);
	long long base = wordmix(&e);
	long long h[ARRAY_SIZE(changes)];
	for (size_t i = 0; i < ARRAY_SIZE(changes); i++) {
		h[i] = changed(&changes[i]);
		if (h[i] == base)
			fail_msg("%s: same fingerprint as the fixture", changes[i].what);
		if (h[i] < 0)
			fail_msg("%s: negative", changes[i].what);
		for (size_t j = 0; j < i; j++)
			if (h[i] == h[j])
				fail_msg("%s and %s: same fingerprint", changes[i].what,
					 changes[j].what);
	}
	struct change key = {"origin", ch_origin_unhashed};
	assert_int_equal(changed(&key), base);
}

/* Strings of every length up to a few words: each byte counts, the tail
 * too, and a string is never its own prefix. */
static void test_every_byte(void **state)
{
	char buf[41], other[41];
	struct event_in e;
	event_in_init(&e);
	e.kind = "incident";
	e.title = buf;
	for (size_t n = 0; n < sizeof(buf); n++) {
		memset(buf, 'a', n);
		buf[n] = '\0';
		long long h = wordmix(&e);
		if (n > 0) {
			memcpy(other, buf, n + 1);
			other[n - 1] = '\0';
			e.title = other;
			if (wordmix(&e) == h)
				fail_msg("length %zu: same as its prefix", n);
			e.title = buf;
		}
		for (size_t i = 0; i < n; i++) {
			buf[i] = 'b';
			if (wordmix(&e) == h)
				fail_msg("length %zu: byte %zu not counted", n, i);
			buf[i] = 'a';
		}
	}
}

static void test_names(void **state)
{
	enum fingerprint_hash h;
	assert_string_equal(fingerprint_name(FINGERPRINT_FNV1A), "fnv1a");
	assert_string_equal(fingerprint_name(FINGERPRINT_WORDMIX), "wordmix1");
	assert_int_equal(fingerprint_parse("fnv1a", &h), 0);
	assert_int_equal(h, FINGERPRINT_FNV1A);
	assert_int_equal(fingerprint_parse("wordmix1", &h), 0);
	assert_int_equal(h, FINGERPRINT_WORDMIX);
	assert_int_equal(fingerprint_parse("wordmix2", &h), -1);
	assert_int_equal(fingerprint_parse("", &h), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fnv1a_unchanged), cmocka_unit_test(test_wordmix_pinned),
	    cmocka_unit_test(test_same_record),     cmocka_unit_test(test_any_change),
	    cmocka_unit_test(test_every_byte),      cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
