/* filter_value: fields, their aliases, and parsing what follows the colon.
 * Values are checked here, at parse time, so that every mistake is reported
 * with its column before any SQL is built. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter_fields.h"
#include "filter_id.h"
#include "filter_lex.h"
#include "filter_value.h"
#include "sitrep/util.h"

static const struct {
	const char *name;
	const char *alias[2];
} fields[FILTER_NFIELDS] = {
    [FILTER_ACTOR] = {"actor", {"a"}},
    [FILTER_TYPE] = {"type", {"t"}},
    [FILTER_KIND] = {"kind", {"k"}},
    [FILTER_REGION] = {"region", {"r"}},
    [FILTER_LOCATION] = {"location", {"l", "loc"}},
    [FILTER_COUNTRY] = {"country", {"c"}},
    [FILTER_SOURCE] = {"source", {"s", "src"}},
    [FILTER_ID] = {"id", {"i"}},
    [FILTER_ORIGIN] = {"origin", {"o"}},
    [FILTER_SINCE] = {"since", {"from"}},
    [FILTER_UNTIL] = {"until", {"to"}},
    [FILTER_DATE] = {"date", {"d"}},
    [FILTER_FATALITIES] = {"fatalities", {"f", "fat"}},
    [FILTER_NEAR] = {"near", {"n"}},
    [FILTER_LAYER] = {"layer", {NULL}},
    [FILTER_STARRED] = {"starred", {NULL}},
    [FILTER_TAG] = {"tag", {NULL}},
    [FILTER_NOTE] = {"note", {NULL}},
    [FILTER_ACTOR1] = {"actor1", {NULL}},
    [FILTER_ACTOR2] = {"actor2", {NULL}},
    [FILTER_ASSOC] = {"assoc", {NULL}},
    [FILTER_CIVILIANS] = {"civilians", {"civilian_targeting"}},
    [FILTER_INTERACTION] = {"interaction", {NULL}},
    [FILTER_INTER1] = {"inter1", {NULL}},
    [FILTER_INTER2] = {"inter2", {NULL}},
    [FILTER_DISORDER] = {"disorder", {"disorder_type"}},
    [FILTER_TAGS] = {"tags", {NULL}},
    [FILTER_ADMIN3] = {"admin3", {NULL}},
    [FILTER_GEO_PRECISION] = {"geo_precision", {NULL}},
    [FILTER_PRECISION] = {"precision", {"time_precision"}},
};

const char *filter_field_name(enum filter_field f)
{
	return f < FILTER_NFIELDS ? fields[f].name : "?";
}

static bool same(const char *a, const char *name, size_t len)
{
	return a && strlen(a) == len && strncasecmp(a, name, len) == 0;
}

int filter_field_lookup(const char *name, size_t len)
{
	for (int f = 0; f < FILTER_NFIELDS; f++)
		if (same(fields[f].name, name, len) || same(fields[f].alias[0], name, len) ||
		    same(fields[f].alias[1], name, len))
			return f;
	return -1;
}

/* Optimal string alignment distance: a swap of neighbours ("reigon") costs 1. */
static int edit_distance(const char *a, size_t la, const char *b)
{
	size_t lb = strlen(b);
	int d[32][32];

	if (la >= 32 || lb >= 32)
		return 99;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) != b[j - 1];
			int v = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) == b[j - 2] &&
			    tolower((unsigned char)a[i - 2]) == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *filter_suggest_field(const char *name, size_t len)
{
	const char *best = NULL;
	int best_d = 3;

	/* Only full names are suggested: one-letter aliases are too close to anything. */
	for (int f = 0; f < FILTER_NFIELDS; f++) {
		int dist = edit_distance(name, len, fields[f].name);

		if (dist < best_d && (size_t)dist < len) {
			best = fields[f].name;
			best_d = dist;
		}
	}
	return best;
}

/* ---- numbers ---- */

static int parse_count(const char *s, size_t len, long long *out)
{
	char buf[32];
	char *end;

	if (len == 0 || len >= sizeof buf)
		return -1;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*out = strtoll(buf, &end, 10);
	return errno ? -1 : 0;
}

static int parse_number(enum filter_op op, struct filter_value *v, struct filter_error *err)
{
	const char *s = v->text, *dots = strstr(s, "..");
	long long n;

	v->lo = LLONG_MIN;
	v->hi = LLONG_MAX;
	if (dots && (op == FILTER_OP_IS || op == FILTER_OP_EQ)) {
		if (dots == s && !dots[2])
			return filter_fail(err, v->column, "empty range '..'");
		if ((dots > s && parse_count(s, (size_t)(dots - s), &v->lo) < 0) ||
		    (dots[2] && parse_count(dots + 2, strlen(dots + 2), &v->hi) < 0))
			return filter_fail(err, v->column, "bad number range '%s' (e.g. 3..10)", s);
		if (v->lo > v->hi)
			return filter_fail(err, v->column, "range '%s' ends before it starts", s);
		return 0;
	}
	if (parse_count(s, strlen(s), &n) < 0)
		return filter_fail(err, v->column, "bad number '%s'", s);
	switch (op) {
	case FILTER_OP_LT:
		if (n == 0)
			v->lo = 1, v->hi = 0; /* nothing is below zero */
		else
			v->hi = n - 1;
		break;
	case FILTER_OP_LE:
		v->hi = n;
		break;
	case FILTER_OP_GT:
		v->lo = n + 1;
		break;
	case FILTER_OP_GE:
		v->lo = n;
		break;
	default:
		v->lo = v->hi = n;
		break;
	}
	return 0;
}

/* ---- dates ---- */

static int parse_date_end(const char *s, size_t len, struct filter_date *d)
{
	char buf[32];

	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	d->set = true;
	if (strcasecmp(buf, "today") == 0 || strcasecmp(buf, "yesterday") == 0) {
		d->relative = true;
		d->amount = buf[0] == 'y' || buf[0] == 'Y' ? -1 : 0;
		d->unit = 'd';
		return 0;
	}
	if (buf[0] == '-' || buf[0] == '+') {
		char unit = (char)tolower((unsigned char)buf[len - 1]);
		long long n;

		if (!strchr("dwmy", unit) || parse_count(buf + 1, len - 2, &n) < 0 || n > 100000)
			return -1;
		d->relative = true;
		d->amount = (int)(buf[0] == '-' ? -n : n);
		d->unit = unit;
		return 0;
	}
	if (strstr(buf, ".."))
		return -1;
	return date_parse_iso(buf, &d->span);
}

static int date_fail(struct filter_error *err, const struct filter_value *v, const char *what)
{
	return filter_fail(
	    err, v->column,
	    "bad date '%.60s'%s (use YYYY, YYYY-MM, YYYY-MM-DD, today, or -90d, -6m, -2y)", v->text,
	    what);
}

/* The window's half-width after "±" or "+-": "15d" or "2w", in days; -1 if bad. */
static long window_days(const char *s)
{
	size_t len = strlen(s);
	long long n;

	if (len < 2 || (s[len - 1] != 'd' && s[len - 1] != 'w') ||
	    parse_count(s, len - 1, &n) < 0 || n > 36500)
		return -1;
	return (long)(s[len - 1] == 'w' ? n * 7 : n);
}

/* date:2022-08-15±15d (or +-15d): the days from 15 before to 15 after the
 * date, as date:2022-07-31..2022-08-30 would be, without the arithmetic. */
static int parse_window(struct filter_value *v, const char *pm, size_t pmlen,
			struct filter_error *err)
{
	const char *s = v->text;
	struct filter_date centre = {0};
	long days = window_days(pm + pmlen);

	if (parse_date_end(s, (size_t)(pm - s), &centre) < 0 || centre.relative)
		return filter_fail(
		    err, v->column, "bad date '%.*s' before '%.*s' (e.g. date:2022-08-15%.*s15d)",
		    (int)(pm - s) > 40 ? 40 : (int)(pm - s), s, (int)pmlen, pm, (int)pmlen, pm);
	if (days < 0)
		return filter_fail(err, filter_column(s, (size_t)(pm - s) + pmlen) + v->column - 1,
				   "bad window '%.40s' (days or weeks: 15d, 2w)", pm + pmlen);
	if (!date_day_valid(centre.span.start - days) || !date_day_valid(centre.span.end + days))
		return filter_fail(err, v->column, "window '%.60s' leaves the calendar", s);
	v->from = v->to = centre;
	v->from.span.start -= days;
	v->from.span.end = v->from.span.start;
	v->to.span.end += days;
	v->to.span.start = v->to.span.end;
	return 0;
}

static int parse_dates(enum filter_field f, enum filter_op op, struct filter_value *v,
		       struct filter_error *err)
{
	const char *s = v->text, *dots = strstr(s, "..");
	struct filter_date one = {0};
	const char *pm = strstr(s, "\xc2\xb1"); /* ± in UTF-8 */
	size_t pmlen = 2;

	if (!pm && (pm = strstr(s, "+-")) == NULL)
		pmlen = 0;
	if (pm && f == FILTER_DATE && (op == FILTER_OP_IS || op == FILTER_OP_EQ) && !dots)
		return parse_window(v, pm, pmlen, err);
	if (f == FILTER_DATE && dots && (op == FILTER_OP_IS || op == FILTER_OP_EQ)) {
		if (dots == s && !dots[2])
			return filter_fail(err, v->column, "empty date range '..'");
		if ((dots > s && parse_date_end(s, (size_t)(dots - s), &v->from) < 0) ||
		    (dots[2] && parse_date_end(dots + 2, strlen(dots + 2), &v->to) < 0))
			return date_fail(err, v, "");
		if (v->from.set && v->to.set && !v->from.relative && !v->to.relative &&
		    v->to.span.end < v->from.span.start)
			return filter_fail(err, v->column, "date range '%s' ends before it starts",
					   s);
		return 0;
	}
	if (parse_date_end(s, strlen(s), &one) < 0)
		return date_fail(err, v,
				 dots && f != FILTER_DATE ? " (a range needs date:A..B)" : "");
	if (f == FILTER_SINCE || op == FILTER_OP_GE || op == FILTER_OP_GT) {
		v->from = one;
		v->from.strict = op == FILTER_OP_GT;
	} else if (f == FILTER_UNTIL || op == FILTER_OP_LE || op == FILTER_OP_LT) {
		v->to = one;
		v->to.strict = op == FILTER_OP_LT;
	} else {
		v->from = v->to = one;
	}
	return 0;
}

void filter_date_days(const struct filter_date *d, long today, long *first, long *last)
{
	if (!d->relative) {
		*first = d->span.start;
		*last = d->span.end;
		return;
	}
	long day = today;
	int y, m, dd;

	switch (d->unit) {
	case 'w':
		day += 7L * d->amount;
		break;
	case 'm':
	case 'y':
		date_civil(today, &y, &m, &dd);
		if (d->unit == 'y') {
			y += d->amount;
		} else {
			long mm = (long)y * 12 + (m - 1) + d->amount;
			y = (int)(mm / 12);
			m = (int)(mm % 12) + 1;
		}
		if (dd > date_days_in_month(y, m))
			dd = date_days_in_month(y, m);
		day = date_days(y, m, dd);
		break;
	default:
		day += d->amount;
		break;
	}
	*first = *last = day;
}

/* ---- near ---- */

static int parse_coords(const char *s, size_t len, double *lat, double *lon)
{
	char buf[64], *end, *comma;

	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	comma = strchr(buf, ',');
	if (!comma)
		return -1;
	*lat = strtod(buf, &end);
	if (end != comma || end == buf)
		return -1;
	*lon = strtod(comma + 1, &end);
	if (*end || end == comma + 1)
		return -1;
	return 0;
}

static int parse_near(struct filter_value *v, struct filter_error *err)
{
	const char *s = v->text, *lt = strrchr(s, '<');
	char *end;
	double r;

	if (!lt)
		return filter_fail(err, v->column, "near: needs a distance, e.g. near:%.60s<50km",
				   s);
	r = strtod(lt + 1, &end);
	if (end == lt + 1 || !isfinite(r) || r <= 0)
		return filter_fail(err, filter_column(s, (size_t)(lt - s)) + v->column,
				   "bad distance '%.40s' (e.g. <50km)", lt + 1);
	if (strcasecmp(end, "m") == 0)
		r /= 1000;
	else if (*end && strcasecmp(end, "km") != 0)
		return filter_fail(err, filter_column(s, (size_t)(lt - s)) + v->column,
				   "bad distance unit '%.40s' (km or m)", end);
	if (r > 20100)
		return filter_fail(err, v->column, "distance %.0f km is more than the Earth allows",
				   r);
	v->radius_km = r;
	if (lt == s)
		return filter_fail(err, v->column, "near: needs a place or lat,lon before '<'");
	if (parse_coords(s, (size_t)(lt - s), &v->lat, &v->lon) == 0) {
		if (fabs(v->lat) > 90 || fabs(v->lon) > 180)
			return filter_fail(err, v->column, "coordinates out of range '%.*s'",
					   (int)(lt - s), s);
		return 0;
	}
	v->place = xstrndup(s, (size_t)(lt - s));
	return 0;
}

/* ---- kind ---- */

static int parse_kind(struct filter_value *v, struct filter_error *err)
{
	static const char *const kinds[] = {"incident", "context"};
	size_t len = strlen(v->text);

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (len > 0 && strncasecmp(v->text, kinds[i], len) == 0) {
			free(v->text);
			v->text = xstrdup(kinds[i]);
			return 0;
		}
	}
	return filter_fail(err, v->column, "kind is 'incident' or 'context', not '%.60s'", v->text);
}

/* starred:yes|no (true/false, on/off, 1/0): kept as "yes" or "no". */
static int parse_yes_no(struct filter_value *v, struct filter_error *err)
{
	static const char *const yes[] = {"yes", "true", "on", "1"}, *const no[] = {"no", "false",
										    "off", "0"};
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		bool y = strcasecmp(v->text, yes[i]) == 0;
		if (y || strcasecmp(v->text, no[i]) == 0) {
			free(v->text);
			v->text = xstrdup(y ? "yes" : "no");
			return 0;
		}
	}
	return filter_fail(err, v->column, "starred is 'yes' or 'no', not '%.60s'", v->text);
}

static bool takes_comparison(enum filter_field f)
{
	return f == FILTER_ID || f == FILTER_FATALITIES || f == FILTER_DATE;
}

int filter_value_parse(enum filter_field f, enum filter_op op, struct filter_value *v,
		       struct filter_error *err)
{
	bool cmp = op != FILTER_OP_IS && op != FILTER_OP_EXACT && op != FILTER_OP_EQ;

	if (cmp && !takes_comparison(f))
		return filter_fail(err, v->column - 1, "%s takes ':', not a comparison",
				   filter_field_name(f));
	if (op == FILTER_OP_EXACT && f != FILTER_ACTOR)
		return filter_fail(err, v->column - 2, "':=' is for actor:=NAME only");
	switch (f) {
	case FILTER_ID:
		if (!filter_id_is_origin(v->text))
			return parse_number(op, v, err);
		if (cmp)
			return filter_fail(
			    err, v->column - 1,
			    "an id in its data set ('%.60s') takes ':', not a comparison", v->text);
		return 0;
	case FILTER_FATALITIES:
		return parse_number(op, v, err);
	case FILTER_SINCE:
	case FILTER_UNTIL:
	case FILTER_DATE:
		return parse_dates(f, op, v, err);
	case FILTER_NEAR:
		return parse_near(v, err);
	case FILTER_KIND:
		return parse_kind(v, err);
	case FILTER_STARRED:
		return parse_yes_no(v, err);
	default:
		return filter_fields_parse(f, v, err);
	}
}
