/* store_impl: what the store's files share and no other file sees: the
 * store itself and its prepared statements (store.c), used by the actor
 * code (store_actor.c) too. */
#ifndef SITREP_STORE_IMPL_H
#define SITREP_STORE_IMPL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "actor_cache.h"
#include "sitrep/store.h"
#include "sitrep/strbuf.h"

/* The store's statements; their SQL is in store.c. */
enum {
	ST_FIND_EVENT,
	ST_INSERT_EVENT,
	ST_UPDATE_EVENT,
	ST_DELETE_ACTORS,
	ST_DELETE_SOURCES,
	ST_DELETE_FTS,
	ST_INSERT_EVENT_ACTOR,
	ST_INSERT_SOURCE,
	ST_INSERT_FTS,
	ST_FIND_ALIAS,
	ST_INSERT_ACTOR,
	ST_INSERT_ALIAS,
	ST_ACTOR_NAME,
	ST_FTS_TEXT,
	ST_EVENT_EXTRA,
	ST_COUNT_OLD,
	ST_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *st[ST_COUNT];
	bool in_tx;
	/* Actor names met in this transaction; emptied on rollback, since the
	 * ids it holds may be gone. */
	struct actor_cache memo;
	struct strbuf names;  /* the event's actor_names, reused */
	long long *actor_ids; /* the event's actors, -1 for a blank name */
	int actor_ids_cap;
	struct bulk_thread *side;   /* tables built on a second thread, or NULL */
	enum fingerprint_hash hash; /* the database's, read by store_begin */
	bool fresh;               /* no events when the transaction began: insert before looking */
	bool replace;             /* store_set_replace */
	struct event_update *upd; /* event_update.c's statements, or NULL */
	bool dates_changed;       /* events added, or their kind or dates changed, since BEGIN */
};

/* *err from the connection's last error; -1. */
int store_fail(struct store *s, char **err);
/* Statement which, prepared on first use, reset and unbound; NULL on an
 * error (the connection says which). */
sqlite3_stmt *store_stmt(struct store *s, int which);
/* A text, or NULL for none or empty. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* The event's actors to ids in s->actor_ids (creating actors met for the
 * first time) and its actor_names text in s->names. 0, or -1 with *err. */
int store_resolve_actors(struct store *s, const struct event_in *e, char **err);

/* An actor's role as stored: "involved" when it has none. */
static inline const char *store_role(const struct actor_in *a)
{
	return a->role ? a->role : "involved";
}
/* Step statement which with ?1 = id: 0, or -1 (the connection says why). */
int store_run_id(struct store *s, int which, long long id);
/* Bind e's columns to st, numbered as in ST_INSERT_EVENT (?24 is left for
 * the id). */
void store_bind_event(sqlite3_stmt *st, const struct event_in *e, sqlite3_int64 fp,
		      const struct strbuf *actor_names);
/* Write event id's actors (s->actor_ids, resolved) and sources. 0, or -1
 * with *err. */
int store_insert_actors(struct store *s, long long id, const struct event_in *e, char **err);
int store_insert_sources(struct store *s, long long id, const struct event_in *e, char **err);
/* Event id into the full-text index (at the commit, or on the second
 * thread), and out of it with the words its row holds now. */
int store_index_event(struct store *s, long long id, const struct event_in *e, char **err);
int store_unindex(struct store *s, long long id, char **err);

/* event_version.c: whether e, which differs from the stored event id,
 * replaces it: 1 yes (*extra, when set, is e's extra with the stored keys
 * it lacks, a fresh string), 0 no (e is older), -1 with *err. */
int store_newer(struct store *s, long long id, const struct event_in *e, char **extra, char **err);

/* event_update.c: update stored event id to e, whose actors are resolved,
 * writing only what differs: the columns that changed, its actors, its
 * sources and its full-text entry each only when they changed (all of it
 * while the second thread builds the children or the full-text index).
 * 0, or -1 with *err. */
int store_update_event(struct store *s, long long id, const struct event_in *e, sqlite3_int64 fp,
		       char **err);
/* Finalizes what store_update_event prepared. */
void store_update_free(struct store *s);

#endif
