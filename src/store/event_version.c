/* event_version: whether a row that differs from its stored event
 * replaces it (store_impl.h): by the version under the row's version_key
 * (ACLED's timestamp, UCDP's release), else by import order, keeping the
 * stored extra's keys the row's layout lacks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/extra_json.h"
#include "sitrep/strbuf.h"

#include "store_impl.h"

/* The number under key in extra: 0 with *v, -1 when there is none. */
static int version_of(const char *extra, const char *key, double *v)
{
	char *text = extra_get(extra, key), *end;
	int rc = -1;
	if (text && *text) {
		*v = strtod(text, &end);
		rc = *end == '\0' ? 0 : -1;
	}
	free(text);
	return rc;
}

/* extra with the keys of stored it lacks added at its end, a fresh string,
 * or NULL when it lacks none. */
static char *keep_keys(const char *extra, const char *stored)
{
	struct extra_field *old, *now = NULL;
	int nold = stored ? extra_parse(stored, &old) : -1, nnow = 0;
	if (nold <= 0) {
		if (nold == 0)
			extra_free(old, 0);
		return NULL;
	}
	if (extra && (nnow = extra_parse(extra, &now)) < 0)
		nnow = 0, now = NULL;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < nnow; i++)
		extra_add(&sb, now[i].key, strlen(now[i].key), now[i].value, strlen(now[i].value));
	bool added = false;
	for (int i = 0; i < nold; i++) {
		int k = 0;
		while (k < nnow && strcmp(now[k].key, old[i].key) != 0)
			k++;
		if (k == nnow) {
			extra_add(&sb, old[i].key, strlen(old[i].key), old[i].value,
				  strlen(old[i].value));
			added = true;
		}
	}
	extra_end(&sb);
	extra_free(old, nold);
	if (now)
		extra_free(now, nnow);
	if (!added) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/* Whether e, which differs from the stored event id, replaces it: 1 yes
 * (*extra, when set, is e's extra with the stored keys it lacks), 0 no (e
 * is older), -1 on an error. */
int store_newer(struct store *s, long long id, const struct event_in *e, char **extra, char **err)
{
	*extra = NULL;
	if (s->replace)
		return 1;
	sqlite3_stmt *st = store_stmt(s, ST_EVENT_EXTRA);
	if (!st)
		return store_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_fail(s, err);
	const char *stored = (const char *)sqlite3_column_text(st, 0);
	double a, b;
	int rc = 1;
	if (e->version_key && version_of(stored, e->version_key, &a) == 0 &&
	    version_of(e->extra, e->version_key, &b) == 0 && a != b)
		rc = b > a; /* a newer row replaces it whole */
	else
		*extra = keep_keys(e->extra, stored);
	sqlite3_reset(st);
	return rc;
}
