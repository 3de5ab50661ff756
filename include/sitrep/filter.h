/* filter: the filter language shared by `sitrep list|stats|count` and the
 * TUI's filter prompt. Text such as `actor:JNIM -region:Kayes since:2022-07`
 * is parsed to an AST (pure: no SQLite) and compiled to a WHERE fragment
 * over the event table aliased "e"; user text only ever travels as a bound value. */
#ifndef SITREP_FILTER_H
#define SITREP_FILTER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/date.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/strbuf.h"

struct filter_error {
	int column;        /* 1-based column (characters) in the filter text, 0 if none */
	char message[256]; /* without "filter: " and " at column N" */
	/* On success, what a compile chose that the user should hear of
	 * ("near: Ouagadougou is where 36 of this file's events are: not in
	 * the gazetteer"), else empty. */
	char note[256];
};

/* Compile filter text to a WHERE fragment over alias e, appended to *where
 * (empty text -> nothing appended, every event matches). 0 ok, -1 error.
 * For a command that reads pages (list, export). */
int filter_compile(sqlite3 *db, const char *text, struct sqlfrag *where, struct filter_error *err);
/* The same for a count: where a page is found fastest by walking the
 * timeline in order (EXISTS, no lat index), a count is fastest driven from
 * the matches (IN, lat index). Same rows either way. */
int filter_compile_count(sqlite3 *db, const char *text, struct sqlfrag *where,
			 struct filter_error *err);
/* "filter: MESSAGE at column N" into buf. */
void filter_error_format(const struct filter_error *err, char *buf, size_t size);
/* Join command-line words into one filter text, quoting words that contain
 * spaces so `sitrep list actor:JNIM "suicide bomb"` means what it says. Caller frees. */
char *filter_join_args(int argc, char **argv);

/* ---- the AST, for tests and for the TUI's filter chips ---- */

enum filter_node_type {
	FILTER_AND,   /* kids all hold */
	FILTER_OR,    /* any kid holds */
	FILTER_NOT,   /* kids[0] does not hold */
	FILTER_FIELD, /* field op value[|value...] */
	FILTER_TEXT,  /* free text: a word, prefix* or "a phrase" */
};

enum filter_field {
	FILTER_ACTOR,
	FILTER_TYPE,
	FILTER_KIND,
	FILTER_REGION,
	FILTER_LOCATION,
	FILTER_COUNTRY,
	FILTER_SOURCE,
	FILTER_ID,
	FILTER_ORIGIN,
	FILTER_SINCE,
	FILTER_UNTIL,
	FILTER_DATE,
	FILTER_FATALITIES,
	FILTER_NEAR,
	FILTER_LAYER,
	FILTER_STARRED, /* the analyst's notebook (notebook.h): starred, starred:no */
	FILTER_TAG,
	FILTER_NOTE,
	/* filter_fields.c: ACLED's columns kept in extra, and actor roles */
	FILTER_ACTOR1, /* actor1:, actor2:, assoc: in this order */
	FILTER_ACTOR2,
	FILTER_ASSOC,
	FILTER_CIVILIANS,
	FILTER_INTERACTION,
	FILTER_INTER1,
	FILTER_INTER2,
	FILTER_DISORDER,
	FILTER_TAGS,
	FILTER_ADMIN3,
	FILTER_GEO_PRECISION,
	FILTER_PRECISION,
	FILTER_NFIELDS
};

enum filter_op {
	FILTER_OP_IS,    /* field:value */
	FILTER_OP_EXACT, /* field:=value (actor: that actor alone) */
	FILTER_OP_EQ,    /* field=value */
	FILTER_OP_LT,
	FILTER_OP_LE,
	FILTER_OP_GT,
	FILTER_OP_GE,
};

/* One end of a date value: absolute ("2022-07") or relative to today ("-90d"). */
struct filter_date {
	bool set; /* false: open end ("2022..") */
	bool relative;
	struct date_span span; /* absolute */
	int amount;            /* relative: -90 */
	char unit;             /* relative: 'd' 'w' 'm' 'y' */
	bool strict;           /* date>X: after X ends; date<X: before X starts */
};

struct filter_value {
	char *text; /* as written, quotes removed */
	int column;
	long long lo, hi;            /* numbers: lo..hi inclusive */
	struct filter_date from, to; /* dates: from..to */
	char *place;                 /* near: a place name, or NULL with coordinates */
	double lat, lon, radius_km;  /* near */
};

struct filter_node {
	enum filter_node_type type;
	int column;        /* where the term starts (1-based, characters) */
	size_t start, end; /* byte offsets of the term in the text */
	struct filter_node **kids;
	size_t nkids;
	enum filter_field field;
	enum filter_op op;
	struct filter_value *values; /* alternatives (any may match) */
	size_t nvalues;
	char *text;          /* FILTER_TEXT: the word or phrase */
	bool grouped;        /* written in parentheses (start..end include them) */
	bool phrase, prefix; /* FILTER_TEXT */
};

/* Parse text. 0 with *out the tree (NULL for an empty filter), or -1 with err set. */
int filter_parse(const char *text, struct filter_node **out, struct filter_error *err);
void filter_free(struct filter_node *n);
/* A deep copy of n (NULL for NULL). */
struct filter_node *filter_copy(const struct filter_node *n);
/* The tree as an S-expression, for tests: (and (actor "jnim") (not (text "x"))) */
void filter_dump(const struct filter_node *n, struct strbuf *out);

/* A filter compiled for one database: the fragment pages are read with
 * and the one that counts fastest (the same rows), from one parse and one
 * round of look-ups (actor ids, stored names, places, dates), so a filter
 * the TUI applies costs no more than one the command line runs. */
struct filter_sql {
	struct sqlfrag where;       /* for pages (filter_compile) */
	struct sqlfrag count_where; /* for counts (filter_compile_count) */
};
void filter_sql_init(struct filter_sql *f);
void filter_sql_free(struct filter_sql *f);
/* Compile tree n (NULL: every event) into *out, which is replaced only on
 * success. 0, or -1 with err set. */
int filter_compile_tree(sqlite3 *db, const struct filter_node *n, struct filter_sql *out,
			struct filter_error *err);

/* For tests: filter_parse calls and database look-ups (actors, stored
 * names, places, the dates relative filters need) made so far. */
struct filter_counters {
	unsigned long parses, lookups;
};
extern struct filter_counters filter_counters;

/* Field names: canonical ("region") and by name or alias ("r"); -1 unknown. */
const char *filter_field_name(enum filter_field f);
int filter_field_lookup(const char *name, size_t len);

#endif
