/* store_actor: actors and their names on the write path (store.h):
 * look-up by any alias, folded; creation on first sight; and, for each
 * imported event, its actors' ids and the actor_names text the full-text
 * index finds it by. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actor_cache.h"
#include "sitrep/db.h"
#include "sitrep/store.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

#include "store_impl.h"

static long long find_actor(struct store *s, const char *name)
{
	sqlite3_stmt *st = store_stmt(s, ST_FIND_ALIAS);
	if (!st)
		return -2;
	char *folded = text_fold(name);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	long long id = -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = -2;
	sqlite3_reset(st);
	free(folded);
	return id;
}

static int add_alias(struct store *s, long long id, const char *alias)
{
	sqlite3_stmt *st = store_stmt(s, ST_INSERT_ALIAS);
	if (!st)
		return -1;
	char *folded = text_fold(alias);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(folded);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int update_actor(struct store *s, long long id, const char *kind, long long parent,
			const char *description)
{
	static const char *const sql[] = {
	    "UPDATE actor SET kind = ?2 WHERE id = ?1",
	    "UPDATE actor SET parent_id = ?2 WHERE id = ?1",
	    "UPDATE actor SET description = ?2 WHERE id = ?1",
	};
	for (int i = 0; i < 3; i++) {
		if ((i == 0 && !kind) || (i == 1 && parent < 0) || (i == 2 && !description))
			continue;
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (i == 1)
			sqlite3_bind_int64(st, 2, parent);
		else
			sqlite3_bind_text(st, 2, i == 0 ? kind : description, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

long long store_actor(struct store *s, const char *name, const char *kind, const char *parent,
		      const char *description, char **err)
{
	long long parent_id = -1;
	if (parent && *parent) {
		parent_id = store_actor(s, parent, NULL, NULL, NULL, err);
		if (parent_id < 0)
			return -1;
	}
	long long id = find_actor(s, name);
	if (id == -2)
		return store_fail(s, err);
	if (id < 0) {
		sqlite3_stmt *st = store_stmt(s, ST_INSERT_ACTOR);
		if (!st)
			return store_fail(s, err);
		store_bind_text(st, 1, name);
		store_bind_text(st, 2, kind);
		if (parent_id >= 0)
			sqlite3_bind_int64(st, 3, parent_id);
		store_bind_text(st, 4, description);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_fail(s, err);
		id = sqlite3_last_insert_rowid(s->db);
		if (add_alias(s, id, name) < 0)
			return store_fail(s, err);
		return id;
	}
	if (parent_id == id) {
		*err = xasprintf("actor '%s' cannot be its own parent", name);
		return -1;
	}
	if (update_actor(s, id, kind, parent_id, description) < 0)
		return store_fail(s, err);
	return id;
}

int store_alias(struct store *s, const char *name, const char *alias, char **err)
{
	long long id = store_actor(s, name, NULL, NULL, NULL, err);
	if (id < 0)
		return -1;
	long long other = find_actor(s, alias);
	if (other == -2)
		return store_fail(s, err);
	if (other >= 0 && other != id) {
		*err = xasprintf("alias '%s' already names another actor", alias);
		return -1;
	}
	if (add_alias(s, id, alias) < 0)
		return store_fail(s, err);
	return 0;
}

static char *actor_name(struct store *s, long long id)
{
	sqlite3_stmt *st = store_stmt(s, ST_ACTOR_NAME);
	char *name = NULL;
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return name;
}

/* The event's actors to ids (creating actors met for the first time) and
 * its actor_names text: the full-text index knows each actor by the name
 * used here and by its own name, so either finds the event. */
int store_resolve_actors(struct store *s, const struct event_in *e, char **err)
{
	struct strbuf *names = &s->names;
	sb_reset(names);
	if (e->nactors > s->actor_ids_cap) {
		s->actor_ids_cap = e->nactors;
		s->actor_ids = xrealloc(s->actor_ids, (size_t)e->nactors * sizeof(*s->actor_ids));
	}
	for (int i = 0; i < e->nactors; i++) {
		const struct actor_in *a = &e->actors[i];
		s->actor_ids[i] = -1;
		if (!a->name || !*a->name)
			continue;
		const struct actor_cache_entry *m = actor_cache_get(&s->memo, a->name);
		if (!m) {
			long long aid = store_actor(s, a->name, NULL, NULL, NULL, err);
			if (aid < 0)
				return -1;
			char *canon = actor_name(s, aid);
			m = actor_cache_put(&s->memo, a->name, canon, aid);
			free(canon);
		}
		s->actor_ids[i] = m->id;
		if (names->len)
			sb_addn(names, "; ", 2);
		sb_add(names, a->name);
		if (strcmp(m->canon, a->name) != 0) {
			sb_addn(names, " (", 2);
			sb_add(names, m->canon);
			sb_addc(names, ')');
		}
	}
	return 0;
}
