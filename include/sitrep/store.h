/* store: the write path shared by every importer. An importer fills a
 * struct event_in per record and calls store_event inside one transaction
 * per file; the store merges actors by alias, keeps sources, maintains the
 * full-text index, and makes re-imports idempotent: an (origin, origin_id)
 * already present with the same content is left alone, with other content
 * it is updated in place. */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/date.h"

struct actor_in {
	const char *name;
	const char *role; /* actor1 actor2 assoc claimed target involved */
};

struct source_in {
	const char *title;
	const char *publisher;
	const char *url;
	const char *published; /* ISO date or NULL */
	const char *quote;     /* the source's own wording of a figure */
	long long fatalities;  /* its own figure, -1 when none */
};

struct event_in {
	const char *kind; /* "incident" or "context" */
	struct date_span date;
	const char *title;
	const char *description;
	const char *event_type;
	const char *sub_event_type;
	const char *location;
	const char *admin1;
	const char *admin2;
	const char *country;
	bool has_coords;
	double lat, lon;
	int geo_precision;                                     /* 0 when unknown */
	long long fatalities, fatalities_low, fatalities_high; /* -1 unknown */
	const char *fatalities_note;
	const char *origin;      /* "acled", "ucdp", "sitrep", "synthetic", ... */
	const char *origin_id;   /* id within origin */
	const char *extra;       /* source columns with no column here, a JSON object
				    (see extra_json.h), or NULL */
	const char *version_key; /* the key of extra that holds the row's version
				    (a number: ACLED's "timestamp"), or NULL */
	const char *version;     /* the version when extra does not hold it (UCDP's
				    GED release, from the file): added to the
				    stored extra, left out of the fingerprint */
	const struct actor_in *actors;
	int nactors;
	const struct source_in *sources;
	int nsources;
};

/* Sets every field to "absent" (NULL, -1, no coordinates). */
void event_in_init(struct event_in *e);
/* A 63-bit hash of every field, actors and sources: a re-import tells an
 * unchanged record from an updated one without reading it back. Which hash
 * is a property of the database (its meta key "fingerprint", named by
 * fingerprint_name): FNV-1a, a byte at a time, in databases written before
 * the key existed; wordmix, 8 bytes at a time, in every database created
 * since. Never negative. (event_in.c) */
enum fingerprint_hash { FINGERPRINT_FNV1A, FINGERPRINT_WORDMIX };
long long event_fingerprint(const struct event_in *e, enum fingerprint_hash hash);
/* "fnv1a", "wordmix1"; and back: 0, or -1 for a name this build does not know. */
const char *fingerprint_name(enum fingerprint_hash hash);
int fingerprint_parse(const char *name, enum fingerprint_hash *hash);

/* STORE_OLDER: the row is an older version of the event stored (by the
 * number under its version_key in both), which stays as it is. */
enum store_result { STORE_INSERTED, STORE_UPDATED, STORE_UNCHANGED, STORE_OLDER };

struct store;

/* Open path for writing (created with the schema when missing). */
struct store *store_open(const char *path, char **err);
sqlite3 *store_db(struct store *s);
int store_begin(struct store *s, char **err);
int store_commit(struct store *s, char **err);
/* Add n to the file's count of updated events (meta key "updated_events"),
 * in the open transaction: readers that see the commit (live updates) tell
 * new events by their ids and updated ones by this count's growth. */
int store_count_updates(struct store *s, long long n, char **err);
/* For a big import: what the database holds none of yet (its full-text
 * index; its events' actors and sources) is built on a second thread
 * (bulk_thread.h) instead of in place. Does nothing when it holds some of
 * both. Call it before dropping indexes for a bulk load: the second thread
 * copies the children's definitions, indexes included. 0, or -1 with *err
 * set. */
int store_side_async(struct store *s, char **err);
/* Whether the events' actors and sources are being built on the second
 * thread: their indexes must then stay (bulk_thread.h). */
bool store_children_aside(const struct store *s);
/* The transaction's events are all in: the second thread, if any, can
 * finish its index while the caller does other work before the commit.
 * 0, or -1 with *err set. */
int store_rows_done(struct store *s, char **err);
void store_rollback(struct store *s);
/* Closes; rolls back anything not committed. */
void store_close(struct store *s);

/* Store e: inserted, or an event of the same origin and id updated when e
 * differs and is not older (see version_key). When neither version is
 * known, or they are the same, the later import wins, and the stored
 * extra's keys that e's lacks (columns only a newer layout has) are kept. */
int store_event(struct store *s, const struct event_in *e, enum store_result *res, char **err);
/* replace: every row that differs replaces the stored event, older or
 * not, extra and all (the behaviour before versions counted). */
void store_set_replace(struct store *s, bool replace);

/* Actors: upsert by name or by any alias (folded). kind, parent (a name or
 * alias) and description may be NULL to leave them as they are. Returns the
 * actor id, or -1 with *err set. */
long long store_actor(struct store *s, const char *name, const char *kind, const char *parent,
		      const char *description, char **err);
/* Make alias another name of the actor called name (created if missing). */
int store_alias(struct store *s, const char *name, const char *alias, char **err);

int store_place(struct store *s, const char *name, const char *name_en, const char *kind,
		const char *admin1, double lat, double lon, long long population, long long osm_id,
		char **err);
int store_meta(struct store *s, const char *key, const char *value, char **err);

#endif
