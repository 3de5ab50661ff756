/* text_search: word-start and whole-word matching (see text_search.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/text.h"
#include "sitrep/text_search.h"

/* Letters and digits; outside ASCII every character but the Latin-1 and
 * general punctuation, symbols, arrows, box drawing and CJK punctuation
 * (enough for place and actor names: no table of Unicode's categories). */
static bool word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	return !(cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
		 (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD);
}

bool text_search_word_at(const char *p)
{
	uint32_t cp;
	if (!*p)
		return false;
	text_decode(p, strnlen(p, 4), &cp);
	return word_cp(cp);
}

bool text_search_word_before(const char *start, const char *p)
{
	if (p <= start)
		return false;
	const char *q = p - 1;
	while (q > start && ((unsigned char)*q & 0xC0) == 0x80 && p - q < 4)
		q--; /* the character's first byte */
	uint32_t cp;
	text_decode(q, (size_t)(p - q), &cp);
	return word_cp(cp);
}

char *text_search_needle(const char *typed)
{
	if (!typed)
		return NULL;
	char *f = text_fold(typed);
	size_t start = strspn(f, " \t"), end = strlen(f);
	while (end > start && strchr(" \t", f[end - 1]))
		end--;
	/* "**" or a lone "*" asks for no word */
	while (end > start + 1 && f[end - 1] == '*' && f[end - 2] == '*')
		end--;
	if (end == start || (end == start + 1 && f[start] == '*')) {
		free(f);
		return NULL;
	}
	memmove(f, f + start, end - start);
	f[end - start] = '\0';
	return f;
}

size_t text_search_len(const char *needle, bool *prefix)
{
	size_t n = strlen(needle);
	*prefix = n > 1 && needle[n - 1] == '*';
	return *prefix ? n - 1 : n;
}

long text_search_find(const char *folded, const char *needle, size_t *len)
{
	bool prefix;
	size_t n = text_search_len(needle, &prefix);
	if (!n)
		return -1;
	/* a needle that starts (or ends) with no letter needs no word edge
	 * there: "/-15" finds "2022-08-15" */
	bool edge_start = text_search_word_at(needle);
	bool edge_end = !prefix && text_search_word_before(needle, needle + n);
	for (const char *p = folded; *p; p++) {
		if (*p != *needle || strncmp(p, needle, n) != 0)
			continue;
		if (edge_start && text_search_word_before(folded, p))
			continue;
		if (edge_end && text_search_word_at(p + n))
			continue;
		if (len)
			*len = n;
		return p - folded;
	}
	return -1;
}

size_t text_search_source_offset(const char *text, size_t folded_at)
{
	size_t used = 0, got = 0, len = strlen(text);
	while (used < len && got < folded_at) {
		uint32_t cp;
		size_t n = text_decode(text + used, len - used, &cp);
		char one[8];
		memcpy(one, text + used, n);
		one[n] = '\0';
		char *f = text_fold(one);
		got += strlen(f);
		free(f);
		used += n;
	}
	return used;
}
