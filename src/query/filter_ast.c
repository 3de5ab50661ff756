/* filter_ast: what the rest of the program does with a parsed filter besides
 * compiling it: free it, print it (tests), split it into its top-level terms
 * (the TUI's chips), join command-line words, and format errors. Pure. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/filter.h"
#include "filter_id.h"
#include "filter_value.h"
#include "sitrep/util.h"

void filter_free(struct filter_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		filter_free(n->kids[i]);
	for (size_t i = 0; i < n->nvalues; i++) {
		free(n->values[i].text);
		free(n->values[i].place);
	}
	free(n->kids);
	free(n->values);
	free(n->text);
	free(n);
}

struct filter_node *filter_copy(const struct filter_node *n)
{
	if (!n)
		return NULL;
	struct filter_node *c = xmalloc(sizeof *c);

	*c = *n;
	c->kids = n->nkids ? xcalloc(n->nkids, sizeof *c->kids) : NULL;
	for (size_t i = 0; i < n->nkids; i++)
		c->kids[i] = filter_copy(n->kids[i]);
	c->values = n->nvalues ? xcalloc(n->nvalues, sizeof *c->values) : NULL;
	for (size_t i = 0; i < n->nvalues; i++) {
		c->values[i] = n->values[i];
		c->values[i].text = n->values[i].text ? xstrdup(n->values[i].text) : NULL;
		c->values[i].place = n->values[i].place ? xstrdup(n->values[i].place) : NULL;
	}
	c->text = n->text ? xstrdup(n->text) : NULL;
	return c;
}

/* "filter: unknown field 'reigon' at column 1 (did you mean 'region'?)":
 * the column goes before a trailing parenthesised hint. */
void filter_error_format(const struct filter_error *err, char *buf, size_t size)
{
	const char *m = err->message, *hint = NULL;
	size_t len = strlen(m);

	if (len > 0 && m[len - 1] == ')')
		for (const char *p = m; (p = strstr(p, " (")) != NULL; p++)
			hint = p;
	if (err->column <= 0)
		snprintf(buf, size, "filter: %s", m);
	else if (hint)
		snprintf(buf, size, "filter: %.*s at column %d%s", (int)(hint - m), m, err->column,
			 hint);
	else
		snprintf(buf, size, "filter: %s at column %d", m, err->column);
}

static void dump_quoted(struct strbuf *out, const char *s)
{
	sb_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_addc(out, '\\');
		sb_addc(out, *s);
	}
	sb_addc(out, '"');
}

static void dump_date(struct strbuf *out, const struct filter_date *d, bool from)
{
	char buf[DATE_ISO_LEN];

	if (!d->set)
		return;
	if (d->strict)
		sb_addc(out, from ? '>' : '<');
	if (d->relative) {
		sb_addf(out, "%+d%c", d->amount, d->unit);
		return;
	}
	/* The day the bound falls on: date>2022 means after 2022-12-31. */
	date_format(buf, from != d->strict ? d->span.start : d->span.end);
	sb_add(out, buf);
}

static void dump_value(struct strbuf *out, enum filter_field f, const struct filter_value *v)
{
	if (f == FILTER_ID && filter_id_is_origin(v->text)) {
		dump_quoted(out, v->text); /* an origin id */
		return;
	}
	switch (f) {
	case FILTER_ID:
	case FILTER_FATALITIES:
		if (v->lo != LLONG_MIN)
			sb_addf(out, "%lld", v->lo);
		if (v->lo != v->hi || v->lo == LLONG_MIN)
			sb_add(out, "..");
		if (v->hi != LLONG_MAX && v->lo != v->hi)
			sb_addf(out, "%lld", v->hi);
		break;
	case FILTER_SINCE:
	case FILTER_UNTIL:
	case FILTER_DATE:
		dump_date(out, &v->from, true);
		sb_add(out, "..");
		dump_date(out, &v->to, false);
		break;
	case FILTER_NEAR:
		if (v->place)
			dump_quoted(out, v->place);
		else
			sb_addf(out, "%g,%g", v->lat, v->lon);
		sb_addf(out, "<%gkm", v->radius_km);
		break;
	default:
		dump_quoted(out, v->text);
	}
}

void filter_dump(const struct filter_node *n, struct strbuf *out)
{
	static const char *const ops[] = {"", ":=", "=", "<", "<=", ">", ">="};

	if (!n) {
		sb_add(out, "(all)");
		return;
	}
	switch (n->type) {
	case FILTER_AND:
	case FILTER_OR:
	case FILTER_NOT:
		sb_add(out, n->type == FILTER_AND ? "(and" : n->type == FILTER_OR ? "(or" : "(not");
		for (size_t i = 0; i < n->nkids; i++) {
			sb_addc(out, ' ');
			filter_dump(n->kids[i], out);
		}
		break;
	case FILTER_TEXT:
		sb_add(out, n->phrase ? "(phrase " : "(text ");
		dump_quoted(out, n->text);
		if (n->prefix)
			sb_addc(out, '*');
		break;
	case FILTER_FIELD:
		sb_addf(out, "(%s%s", filter_field_name(n->field), ops[n->op]);
		for (size_t i = 0; i < n->nvalues; i++) {
			sb_addc(out, i ? '|' : ' ');
			dump_value(out, n->field, &n->values[i]);
		}
		break;
	}
	sb_addc(out, ')');
}

/* True when a word looks like filter syntax of its own (a field, a keyword,
 * a negation or a group), so a whole filter passed as one argument works. */
static bool looks_like_filter(const char *s)
{
	while (*s) {
		size_t len = strcspn(s, " \t\n");
		size_t name = 0;

		while (name < len &&
		       ((s[name] >= 'a' && s[name] <= 'z') || (s[name] >= 'A' && s[name] <= 'Z')))
			name++;
		if (*s == '-' || *s == '(' ||
		    (name == len && (len == 2 || len == 3) &&
		     (strncasecmp(s, "or", len) == 0 || strncasecmp(s, "and", len) == 0 ||
		      strncasecmp(s, "not", len) == 0)) ||
		    (name < len && strchr(":<>=", s[name]) && filter_field_lookup(s, name) >= 0))
			return true;
		s += len;
		s += strspn(s, " \t\n");
	}
	return false;
}

static void add_quoted(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_addc(sb, '\\');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

char *filter_join_args(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add(&sb, "");
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		size_t name = 0;

		if (i > 0)
			sb_addc(&sb, ' ');
		while ((a[name] >= 'a' && a[name] <= 'z') || (a[name] >= 'A' && a[name] <= 'Z'))
			name++;
		if (!strpbrk(a, " \t\n") || strchr(a, '"')) {
			sb_add(&sb, a); /* no spaces, or already quoted by the user */
		} else if (name > 0 && a[name] == ':' && filter_field_lookup(a, name) >= 0 &&
			   !looks_like_filter(a + name + 1)) {
			/* actor:Katiba Macina -> actor:"Katiba Macina" */
			sb_addn(&sb, a, name + 1);
			add_quoted(&sb, a + name + 1);
		} else if (looks_like_filter(a)) {
			sb_add(&sb, a);
		} else {
			add_quoted(&sb, a);
		}
	}
	return sb_detach(&sb);
}
