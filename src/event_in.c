/* event_in: what the importers fill for each record (store.h), its
 * defaults and its fingerprint. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sitrep/store.h"
#include "sitrep/util.h"

void event_in_init(struct event_in *e)
{
	memset(e, 0, sizeof(*e));
	e->fatalities = e->fatalities_low = e->fatalities_high = -1;
}

/* ---- fingerprint: FNV-1a over every field, so a re-import can tell an
 * unchanged record from an updated one without reading it back. */

static void fnv(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= 0x100000001b3ULL;
	}
}

static void fnv_str(uint64_t *h, const char *s)
{
	if (s)
		fnv(h, s, strlen(s));
	fnv(h, "\x1f", 1);
}

static void fnv_num(uint64_t *h, long long v)
{
	fnv(h, &v, sizeof(v));
}

long long event_fingerprint(const struct event_in *e)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	fnv_str(&h, e->kind);
	fnv_num(&h, e->date.start);
	fnv_num(&h, e->date.end);
	fnv_num(&h, e->date.prec);
	const char *text[] = {e->title,	  e->description, e->event_type, e->sub_event_type,
			      e->location, e->admin1,	  e->admin2,	 e->country,
			      e->fatalities_note};
	for (size_t i = 0; i < ARRAY_SIZE(text); i++)
		fnv_str(&h, text[i]);
	fnv_num(&h, e->has_coords);
	if (e->has_coords) {
		fnv(&h, &e->lat, sizeof(e->lat));
		fnv(&h, &e->lon, sizeof(e->lon));
	}
	fnv_num(&h, e->geo_precision);
	fnv_num(&h, e->fatalities);
	fnv_num(&h, e->fatalities_low);
	fnv_num(&h, e->fatalities_high);
	fnv_str(&h, e->extra);
	for (int i = 0; i < e->nactors; i++) {
		fnv_str(&h, e->actors[i].name);
		fnv_str(&h, e->actors[i].role);
	}
	for (int i = 0; i < e->nsources; i++) {
		const struct source_in *src = &e->sources[i];
		fnv_str(&h, src->title);
		fnv_str(&h, src->publisher);
		fnv_str(&h, src->url);
		fnv_str(&h, src->published);
		fnv_str(&h, src->quote);
		fnv_num(&h, src->fatalities);
	}
	return (long long)(h & 0x7fffffffffffffffULL);
}
