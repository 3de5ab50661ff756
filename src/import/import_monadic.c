/* import_monadic: one record per event out of one row per actor (see
 * import_monadic.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_monadic.h"
#include "sitrep/util.h"

/* The columns added: the second side, as a dyadic export names them. */
static const char *const side2_names[3] = {"actor2", "assoc_actor_2", "inter2"};

struct group {
	unsigned long line; /* of the event's first row */
	size_t nfields;     /* the file's fields and the three added */
	char **fields;
	size_t *lengths;
	char *block;     /* the first row's fields, one allocation */
	char *side2[3];  /* actor2, assoc_actor_2, inter2 as merged; never NULL */
	uint64_t idhash; /* 0: no id, merges with nothing */
};

struct monadic {
	struct monadic_cols cols;
	size_t base; /* the file's header cells */
	struct group **held;
	size_t nheld;
	char *date; /* the event_date of the events held */
};

struct monadic *monadic_new(struct csv_in *in, const struct monadic_cols *cols)
{
	struct monadic *m = xcalloc(1, sizeof(*m));
	m->cols = *cols;
	m->base = in->hdr->nfields;
	m->held = xcalloc(MONADIC_WINDOW, sizeof(*m->held));
	csv_in_add_columns(in, side2_names, ARRAY_SIZE(side2_names));
	return m;
}

static void group_free(struct group *g)
{
	for (int i = 0; i < 3; i++)
		free(g->side2[i]);
	free(g->fields);
	free(g->lengths);
	free(g->block);
	free(g);
}

void monadic_free(struct monadic *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nheld; i++)
		group_free(m->held[i]);
	free(m->held);
	free(m->date);
	free(m);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Field col of r without its blanks (not NUL-terminated: *n bytes). */
static const char *field(const struct csv_record *r, int col, size_t *n)
{
	if (col < 0 || (size_t)col >= r->nfields) {
		*n = 0;
		return "";
	}
	const char *s = r->fields[col];
	size_t len = r->lengths[col];
	while (len && blank(*s))
		s++, len--;
	while (len && blank(s[len - 1]))
		len--;
	*n = len;
	return s;
}

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h | 1; /* never 0 */
}

static struct group *group_new(const struct monadic *m, const struct csv_record *r)
{
	struct group *g = xcalloc(1, sizeof(*g));
	size_t n = r->nfields < m->base ? r->nfields : m->base, total = 0;
	for (size_t i = 0; i < n; i++)
		total += r->lengths[i] + 1;
	g->line = r->line;
	g->nfields = m->base + 3;
	g->fields = xcalloc(g->nfields, sizeof(char *));
	g->lengths = xcalloc(g->nfields, sizeof(size_t));
	/* the fields a short row lacks are empty, as csv_in_next allows */
	g->block = xmalloc(total + (m->base - n) + 1);
	char *p = g->block;
	for (size_t i = 0; i < m->base; i++) {
		size_t len = i < n ? r->lengths[i] : 0;
		if (len)
			memcpy(p, r->fields[i], len);
		p[len] = '\0';
		g->fields[i] = p;
		g->lengths[i] = len;
		p += len + 1;
	}
	for (int i = 0; i < 3; i++)
		g->side2[i] = xstrdup("");
	size_t idn;
	const char *id = field(r, m->cols.id, &idn);
	g->idhash = idn ? hash(id, idn) : 0;
	return g;
}

static bool same(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && memcmp(a, b, an) == 0;
}

static int emit_group(struct monadic *m, struct group *g, struct csv_in *in, monadic_emit emit,
		      void *arg)
{
	for (int i = 0; i < 3; i++) {
		g->fields[m->base + i] = g->side2[i];
		g->lengths[m->base + i] = strlen(g->side2[i]);
	}
	in->rec.fields = g->fields;
	in->rec.lengths = g->lengths;
	in->rec.nfields = g->nfields;
	in->rec.line = g->line;
	int rc = emit(arg, in);
	group_free(g);
	return rc;
}

/* Emit the k oldest events held. */
static int emit_oldest(struct monadic *m, size_t k, struct csv_in *in, monadic_emit emit, void *arg)
{
	int rc = 0;
	size_t i = 0;
	for (; i < k && rc == 0; i++)
		rc = emit_group(m, m->held[i], in, emit, arg);
	memmove(m->held, m->held + i, (m->nheld - i) * sizeof(*m->held));
	m->nheld -= i;
	return rc;
}

int monadic_flush(struct monadic *m, struct csv_in *in, monadic_emit emit, void *arg)
{
	return emit_oldest(m, m->nheld, in, emit, arg);
}

/* "a; b" holds name as one of its entries. */
static bool listed(const char *list, const char *name, size_t n)
{
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && p[len - 1] == ' ')
			len--;
		if (same(p, len, name, n))
			return true;
		if (!end)
			break;
		p = end;
	}
	return false;
}

static void append(char **list, const char *s, size_t n)
{
	if (!n)
		return;
	char *joined = xasprintf("%s%s%.*s", *list, **list ? "; " : "", (int)n, s);
	free(*list);
	*list = joined;
}

/* Another row of g's event: its side becomes the second one (a row that
 * repeats a side already there adds nothing). */
static void merge(struct monadic *m, struct group *g, const struct csv_record *r)
{
	size_t an, sn, in_;
	const char *actor = field(r, m->cols.actor, &an);
	const char *assoc = field(r, m->cols.assoc, &sn);
	const char *inter = field(r, m->cols.inter, &in_);
	struct csv_record first = {g->nfields, g->fields, g->lengths, g->line};
	size_t fn;
	const char *first_actor = field(&first, m->cols.actor, &fn);
	if (same(actor, an, first_actor, fn) || listed(g->side2[0], actor, an))
		return;
	bool second = !*g->side2[0];
	append(&g->side2[0], actor, an);
	append(&g->side2[1], assoc, sn);
	if (second)
		append(&g->side2[2], inter, in_);
}

int monadic_take(struct monadic *m, struct csv_in *in, monadic_emit emit, void *arg)
{
	/* emitting points in->rec at what it emits: keep the row's own */
	const struct csv_record row = in->rec, *r = &row;
	size_t dn, idn;
	const char *date = field(r, m->cols.date, &dn);
	const char *id = field(r, m->cols.id, &idn);
	if (m->nheld && !(m->date && same(date, dn, m->date, strlen(m->date)))) {
		if (monadic_flush(m, in, emit, arg) < 0)
			return -1;
	}
	if (!m->date || !same(date, dn, m->date, strlen(m->date))) {
		free(m->date);
		m->date = xstrndup(date, dn);
	}
	uint64_t h = idn ? hash(id, idn) : 0;
	for (size_t i = m->nheld; h && i-- > 0;) { /* newest first: rows are mostly adjacent */
		struct group *g = m->held[i];
		if (g->idhash != h)
			continue;
		struct csv_record held = {g->nfields, g->fields, g->lengths, g->line};
		size_t gn;
		const char *gid = field(&held, m->cols.id, &gn);
		if (same(id, idn, gid, gn)) {
			merge(m, g, r);
			return 1;
		}
	}
	if (m->nheld == MONADIC_WINDOW && emit_oldest(m, 1, in, emit, arg) < 0)
		return -1;
	m->held[m->nheld++] = group_new(m, r);
	return 0;
}
