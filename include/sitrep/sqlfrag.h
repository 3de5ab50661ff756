/* sqlfrag: a piece of SQL text and the values bound to its '?' marks, in
 * order. User text only ever travels as a bound value, never as SQL text:
 * sqlfrag_text/int/real append a '?' and record the value beside it. */
#ifndef SITREP_SQLFRAG_H
#define SITREP_SQLFRAG_H

#include <sqlite3.h>
#include <stddef.h>

#include "sitrep/strbuf.h"

enum bind_type { BIND_TEXT, BIND_INT, BIND_REAL };

struct bind {
	enum bind_type type;
	char *text;
	long long i;
	double r;
};

struct sqlfrag {
	struct strbuf sql;
	struct bind *binds;
	size_t nbinds, cap;
};

void sqlfrag_init(struct sqlfrag *f);
void sqlfrag_free(struct sqlfrag *f);
/* Append literal SQL written by the program (never data). */
void sqlfrag_sql(struct sqlfrag *f, const char *sql);
/* Append "?" bound to a value. */
void sqlfrag_text(struct sqlfrag *f, const char *value);
void sqlfrag_int(struct sqlfrag *f, long long value);
void sqlfrag_real(struct sqlfrag *f, double value);
/* Append another fragment, SQL and bindings. */
void sqlfrag_append(struct sqlfrag *f, const struct sqlfrag *other);
/* Append "(a) AND (b)": the one way a filter gets an extra condition.
 * An empty side is left out (both empty: nothing appended). */
void sqlfrag_and(struct sqlfrag *f, const struct sqlfrag *a, const struct sqlfrag *b);
/* Append "(p0 OP p1 OP ...)". Past 16 parts, the list is split in halves,
 * each in its own parentheses, so that the depth of the expression grows with
 * the logarithm of n: SQLite refuses an expression deeper than its limit
 * (200 here), which a flat list of a few hundred ORs would exceed. */
void sqlfrag_join(struct sqlfrag *f, const struct sqlfrag *parts, size_t n, const char *op);
/* True when no SQL was added. */
int sqlfrag_empty(const struct sqlfrag *f);
/* Bind f's values to st starting at parameter index first (1-based).
 * Returns the next free index, or -1 on a SQLite error. */
int sqlfrag_bind(const struct sqlfrag *f, sqlite3_stmt *st, int first);

#endif
