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

/* ---- fingerprints: a hash of every field, so a re-import can tell an
 * unchanged record from an updated one without reading it back. Both walk
 * the fields in the same order; which one a database holds is its meta key
 * "fingerprint" (store.c). A change detector, not a defence against anyone
 * crafting collisions. */

static const char *const hash_names[] = {
    [FINGERPRINT_FNV1A] = "fnv1a",
    [FINGERPRINT_WORDMIX] = "wordmix1",
};

const char *fingerprint_name(enum fingerprint_hash h)
{
	return hash_names[h];
}

int fingerprint_parse(const char *name, enum fingerprint_hash *h)
{
	for (size_t i = 0; i < ARRAY_SIZE(hash_names); i++)
		if (strcmp(name, hash_names[i]) == 0) {
			*h = (enum fingerprint_hash)i;
			return 0;
		}
	return -1;
}

/* -- FNV-1a, one byte at a time: what databases written before the meta key
 * existed hold. Kept byte for byte: the numbers go in as they lie in memory. */

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

static long long fingerprint_fnv1a(const struct event_in *e)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	fnv_str(&h, e->kind);
	fnv_num(&h, e->date.start);
	fnv_num(&h, e->date.end);
	fnv_num(&h, e->date.prec);
	const char *text[] = {e->title,          e->description, e->event_type,
			      e->sub_event_type, e->location,    e->admin1,
			      e->admin2,         e->country,     e->fatalities_note};
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

/* -- wordmix: 8 bytes a step. Every field goes in as 64-bit words: a number
 * as itself, a double as its bits, a string as its length (or NULL_TAG)
 * then its bytes. Strings are read as little-endian words assembled from
 * bytes (one load on a little-endian machine), so the result is the same on
 * any machine. Each word is first scrambled on its own (off the critical
 * path), then folded into the state by xor, multiply, rotate: for a given
 * state that step is a bijection of the word, and for a given word a
 * bijection of the state, so a record that differs from another in one word
 * always ends in another state. The multipliers are odd forms of the
 * fractional parts of sqrt(2), sqrt(3), sqrt(5) and sqrt(7). */

#define MIX_K1   0x6a09e667f3bcc909ULL
#define MIX_K2   0xbb67ae8584caa73bULL
#define MIX_K3   0x3c6ef372fe94f82bULL
#define MIX_K4   0xa54ff53a5f1d36f1ULL
#define MIX_SEED 0x510e527fade682d1ULL /* sqrt(11) */
#define NULL_TAG UINT64_MAX            /* no string is that long */

static inline uint64_t rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t mix(uint64_t h, uint64_t w)
{
	w *= MIX_K1;
	w ^= w >> 31;
	return rotl64((h ^ w) * MIX_K2, 27);
}

static inline uint64_t load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
	       (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	       (uint64_t)p[7] << 56;
}

static inline uint64_t load32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/* The length goes in first, so the last word may overlap the one before or
 * be padded without two strings ever giving the same words. */
static uint64_t mix_str(uint64_t h, const char *s)
{
	if (!s)
		return mix(h, NULL_TAG);
	size_t n = strlen(s);
	const unsigned char *p = (const unsigned char *)s;
	h = mix(h, n);
	if (n >= 8) {
		const unsigned char *last = p + n - 8;
		for (; p < last; p += 8)
			h = mix(h, load64(p));
		return mix(h, load64(last)); /* the last 8 bytes, overlapping */
	}
	if (n >= 4)
		return mix(h, load32(p) | load32(p + n - 4) << 32);
	if (n > 0)
		return mix(h, (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16);
	return h;
}

static uint64_t mix_double(uint64_t h, double d)
{
	uint64_t w;
	memcpy(&w, &d, sizeof(w));
	return mix(h, w);
}

static long long fingerprint_wordmix(const struct event_in *e)
{
	uint64_t h = MIX_SEED;
	h = mix_str(h, e->kind);
	h = mix(h, (uint64_t)e->date.start);
	h = mix(h, (uint64_t)e->date.end);
	h = mix(h, (uint64_t)e->date.prec);
	const char *text[] = {e->title,          e->description, e->event_type,
			      e->sub_event_type, e->location,    e->admin1,
			      e->admin2,         e->country,     e->fatalities_note};
	for (size_t i = 0; i < ARRAY_SIZE(text); i++)
		h = mix_str(h, text[i]);
	h = mix(h, e->has_coords);
	if (e->has_coords) {
		h = mix_double(h, e->lat);
		h = mix_double(h, e->lon);
	}
	h = mix(h, (uint64_t)e->geo_precision);
	h = mix(h, (uint64_t)e->fatalities);
	h = mix(h, (uint64_t)e->fatalities_low);
	h = mix(h, (uint64_t)e->fatalities_high);
	h = mix_str(h, e->extra);
	/* The counts keep actors and sources apart whatever their text. */
	h = mix(h, (uint64_t)e->nactors);
	for (int i = 0; i < e->nactors; i++) {
		h = mix_str(h, e->actors[i].name);
		h = mix_str(h, e->actors[i].role);
	}
	h = mix(h, (uint64_t)e->nsources);
	for (int i = 0; i < e->nsources; i++) {
		const struct source_in *src = &e->sources[i];
		h = mix_str(h, src->title);
		h = mix_str(h, src->publisher);
		h = mix_str(h, src->url);
		h = mix_str(h, src->published);
		h = mix_str(h, src->quote);
		h = mix(h, (uint64_t)src->fatalities);
	}
	/* Finish: spread every bit over every other before dropping the top. */
	h ^= h >> 32;
	h *= MIX_K3;
	h ^= h >> 29;
	h *= MIX_K4;
	h ^= h >> 32;
	return (long long)(h & 0x7fffffffffffffffULL);
}

long long event_fingerprint(const struct event_in *e, enum fingerprint_hash hash)
{
	return hash == FINGERPRINT_FNV1A ? fingerprint_fnv1a(e) : fingerprint_wordmix(e);
}
