/* filter_compile: the compiler's state and the joins it chooses between,
 * shared by filter_sql.c and the files that write one field each
 * (filter_fields.c), internal to the filter module. */
#ifndef SITREP_FILTER_COMPILE_H
#define SITREP_FILTER_COMPILE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "filter_resolve.h"
#include "sitrep/filter.h"
#include "sitrep/sqlfrag.h"

/* What a compile looked up in the database, kept so that the second form
 * (pages, then counts) is written from the same answers without asking
 * again: one entry per term (or near: value) resolved, plus the dates. */
struct resolved {
	const void *key; /* the node, or the value for near: */
	int slot;        /* which column of a name field */
	bool done;
	struct id_list ids;   /* actor: */
	struct str_list vals; /* names: the stored spellings */
	double lat, lon;      /* near: */
	bool indexed;         /* filter_fields.c: the field's index is in the file */
};

struct lookups {
	struct resolved *v;
	size_t n;
	long today;        /* LONG_MIN until needed (resolve_today) */
	long max_span;     /* -1 until needed */
	int spans_ordered; /* -1 until needed, else 0/1 (resolve_spans_ordered) */
};

struct compiler {
	sqlite3 *db;
	struct filter_error *err;
	struct lookups *look;
	bool for_count; /* see filter_compile_count */
	bool alone;     /* the filter is one term (no AND/OR/NOT around it) */
	int negated;    /* NOTs around the term being written */
};

/* How a term joins the page query (see pick_form in filter_sql.c). */
enum form { FORM_DRIVE, FORM_SET, FORM_WALK };

/* The entry for key and slot, new (done false) when not looked up yet.
 * The pointer holds until the next call. */
struct resolved *lookup_entry(struct compiler *c, const void *key, int slot);
/* The form for "SELECT 1 FROM from WHERE cond", probed up to many rows. */
enum form pick_form_at(struct compiler *c, const char *from, const struct sqlfrag *cond, int many);
enum form pick_form(struct compiler *c, const char *from, const struct sqlfrag *cond);
/* "e.id IN (SELECT col FROM from WHERE cond)", with "+" for FORM_SET. */
void emit_in(struct sqlfrag *out, enum form f, const char *col, const char *from,
	     const struct sqlfrag *cond);
/* "expr IN (ids)"; "expr = v" or "expr IN (vals)". */
void emit_list_int(struct sqlfrag *out, const char *expr, const struct id_list *ids);
void emit_list_text(struct sqlfrag *out, const char *expr, const struct str_list *l);
/* "col = lo", ">= lo", "<= hi" or "BETWEEN lo AND hi". */
void emit_range(struct sqlfrag *out, const char *col, long long lo, long long hi);

/* actor: (role NULL) or an actor in one role (actor1:, actor2:, assoc:). */
int emit_actor_role(struct compiler *c, const struct filter_node *n, const char *role,
		    struct sqlfrag *out);

/* The fields of filter_fields.c: whether f is one, and its condition. */
bool filter_fields_has(enum filter_field f);
int filter_fields_emit(struct compiler *c, const struct filter_node *n, struct sqlfrag *out);

#endif
