/* sqlfrag: SQL text with its bound values kept beside it (see sqlfrag.h). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/sqlfrag.h"
#include "sitrep/util.h"

void sqlfrag_init(struct sqlfrag *f)
{
	sb_init(&f->sql);
	f->binds = NULL;
	f->nbinds = f->cap = 0;
}

void sqlfrag_free(struct sqlfrag *f)
{
	for (size_t i = 0; i < f->nbinds; i++)
		free(f->binds[i].text);
	free(f->binds);
	sb_free(&f->sql);
	sqlfrag_init(f);
}

void sqlfrag_sql(struct sqlfrag *f, const char *sql)
{
	sb_add(&f->sql, sql);
}

static struct bind *push(struct sqlfrag *f, enum bind_type type)
{
	if (f->nbinds == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->binds = xrealloc(f->binds, f->cap * sizeof(*f->binds));
	}
	struct bind *b = &f->binds[f->nbinds++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	sb_addc(&f->sql, '?');
	return b;
}

void sqlfrag_text(struct sqlfrag *f, const char *value)
{
	push(f, BIND_TEXT)->text = xstrdup(value);
}

void sqlfrag_int(struct sqlfrag *f, long long value)
{
	push(f, BIND_INT)->i = value;
}

void sqlfrag_real(struct sqlfrag *f, double value)
{
	push(f, BIND_REAL)->r = value;
}

void sqlfrag_append(struct sqlfrag *f, const struct sqlfrag *other)
{
	sb_add(&f->sql, sb_str(&other->sql));
	for (size_t i = 0; i < other->nbinds; i++) {
		if (f->nbinds == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 8;
			f->binds = xrealloc(f->binds, f->cap * sizeof(*f->binds));
		}
		struct bind *b = &f->binds[f->nbinds++];
		*b = other->binds[i];
		if (b->text)
			b->text = xstrdup(b->text);
	}
}

void sqlfrag_and(struct sqlfrag *f, const struct sqlfrag *a, const struct sqlfrag *b)
{
	bool both = !sqlfrag_empty(a) && !sqlfrag_empty(b);

	sqlfrag_sql(f, both ? "(" : "");
	sqlfrag_append(f, a);
	sqlfrag_sql(f, both ? ") AND (" : "");
	sqlfrag_append(f, b);
	sqlfrag_sql(f, both ? ")" : "");
}

void sqlfrag_join(struct sqlfrag *f, const struct sqlfrag *parts, size_t n, const char *op)
{
	sqlfrag_sql(f, "(");
	if (n <= 16) {
		for (size_t i = 0; i < n; i++) {
			sqlfrag_sql(f, i ? op : "");
			sqlfrag_append(f, &parts[i]);
		}
	} else {
		sqlfrag_join(f, parts, n / 2, op);
		sqlfrag_sql(f, op);
		sqlfrag_join(f, parts + n / 2, n - n / 2, op);
	}
	sqlfrag_sql(f, ")");
}

int sqlfrag_empty(const struct sqlfrag *f)
{
	return f->sql.len == 0;
}

int sqlfrag_bind(const struct sqlfrag *f, sqlite3_stmt *st, int first)
{
	int idx = first;
	for (size_t i = 0; i < f->nbinds; i++, idx++) {
		const struct bind *b = &f->binds[i];
		int rc;
		switch (b->type) {
		case BIND_TEXT:
			rc = sqlite3_bind_text(st, idx, b->text, -1, SQLITE_TRANSIENT);
			break;
		case BIND_INT:
			rc = sqlite3_bind_int64(st, idx, b->i);
			break;
		default:
			rc = sqlite3_bind_double(st, idx, b->r);
			break;
		}
		if (rc != SQLITE_OK)
			return -1;
	}
	return idx;
}
