/* mark_index: a notebook's marks by event (mark_index.h). The notebook is
 * read once through notebook_marks, the reading `sitrep brief
 * --with-notes` uses, and sorted here; a stable order keeps each event's
 * marks oldest first, as notebook_marks gives them. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/mark_index.h"
#include "sitrep/strbuf.h"
#include "sitrep/tabular.h"
#include "sitrep/util.h"

static int cmp_ids(const char *origin, const char *origin_id, const struct mark *m)
{
	int c = strcmp(origin, m->origin ? m->origin : "");
	return c ? c : strcmp(origin_id, m->origin_id ? m->origin_id : "");
}

struct ranked {
	struct mark m;
	size_t at; /* as read: ties keep it */
};

static int by_event(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	int c =
	    cmp_ids(x->m.origin ? x->m.origin : "", x->m.origin_id ? x->m.origin_id : "", &y->m);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

int mark_index_load(struct mark_index *mi, struct notebook *nb, char **err)
{
	struct mark *v = NULL;
	size_t n = 0;
	mi->v = NULL;
	mi->n = 0;
	if (!nb)
		return 0;
	if (notebook_marks(nb, NULL, NULL, &v, &n, err) < 0)
		return -1;
	struct ranked *r = xcalloc(n ? n : 1, sizeof(*r));
	for (size_t i = 0; i < n; i++)
		r[i] = (struct ranked){v[i], i};
	qsort(r, n, sizeof(*r), by_event);
	for (size_t i = 0; i < n; i++)
		v[i] = r[i].m;
	free(r);
	mi->v = v;
	mi->n = n;
	return 0;
}

void mark_index_free(struct mark_index *mi)
{
	marks_free(mi->v, mi->n);
	mi->v = NULL;
	mi->n = 0;
}

void mark_index_find(const struct mark_index *mi, const char *origin, const char *origin_id,
		     size_t *first, size_t *n)
{
	*first = *n = 0;
	if (!origin || !origin_id)
		return;
	size_t lo = 0, hi = mi->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_ids(origin, origin_id, &mi->v[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < mi->n && cmp_ids(origin, origin_id, &mi->v[end]) == 0)
		end++;
	*first = lo;
	*n = end - lo;
}

size_t marks_tag_list(const struct mark *v, size_t n, const char **out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != MARK_TAG || !v[i].value)
			continue;
		bool seen = false; /* two analysts' same tag shows once */
		for (size_t j = 0; j < k && !seen; j++)
			seen = strcmp(out[j], v[i].value) == 0;
		if (!seen)
			out[k++] = v[i].value;
	}
	return k;
}

char *marks_tags(const struct mark *v, size_t n)
{
	const char **tags = xcalloc(n ? n : 1, sizeof(*tags));
	size_t k = marks_tag_list(v, n, tags);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < k; i++)
		sb_addf(&sb, "%s%s", i ? "; " : "", tags[i]);
	free(tags);
	if (!k) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

char *marks_notes_json(const struct mark *v, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		die("out of memory");
	fputc('[', f);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != MARK_NOTE)
			continue;
		fputs(any ? ",{\"text\":" : "{\"text\":", f);
		out_json_string(f, v[i].value);
		fputs(",\"author\":", f);
		out_json_string(f, v[i].author);
		fputs(",\"created\":", f);
		out_json_string(f, v[i].created);
		fputc('}', f);
		any = true;
	}
	fputc(']', f);
	if (fclose(f) != 0)
		die("out of memory");
	return buf;
}

char *marks_notes_text(const struct mark *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != MARK_NOTE || !v[i].value)
			continue;
		sb_add(&sb, any ? "; " : "");
		for (const char *c = v[i].value; *c; c++)
			sb_addc(&sb, *c == '\n' || *c == '\r' ? ' ' : *c);
		any = true;
	}
	if (!any) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}
