/* date_formats: the non-ISO date forms of real exports (see date_formats.h). */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "sitrep/date_formats.h"

static const char *const months[] = {"january",   "february", "march",    "april",
				     "may",       "june",     "july",     "august",
				     "september", "october",  "november", "december"};

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* "Feb", "february", "Sept" -> 2, 9; 0 if not a month name. */
static int month_name(const char *s, size_t n)
{
	char w[16];
	if (n < 3 || n >= sizeof(w))
		return 0;
	for (size_t i = 0; i < n; i++)
		w[i] = lower(s[i]);
	w[n] = '\0';
	for (int m = 0; m < 12; m++) {
		const char *full = months[m];
		if (strcmp(w, full) == 0 || (n == 3 && strncmp(w, full, 3) == 0))
			return m + 1;
	}
	return strcmp(w, "sept") == 0 ? 9 : 0;
}

/* The value of n decimal digits, or -1. */
static int number(const char *s, size_t n)
{
	if (n == 0 || n > 4)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int year_of(const char *s, size_t n)
{
	int y = number(s, n);
	if (n == 2 && y >= 0)
		return y < 69 ? 2000 + y : 1900 + y; /* POSIX %y */
	return n == 4 ? y : -1;
}

static int day_span(int y, int m, int d, struct date_span *out)
{
	if (y < 0 || !date_valid(y, m, d))
		return -1;
	out->start = out->end = date_days(y, m, d);
	out->prec = DATE_DAY;
	return 0;
}

struct tok {
	const char *s;
	size_t n;
};

static bool is_sep(char c)
{
	return c == ' ' || c == '-' || c == '/' || c == '.' || c == ',';
}

/* Split into at most 3 words; returns the count, 4 meaning "too many". */
static int split(const char *s, struct tok t[3])
{
	int n = 0;
	while (*s) {
		while (*s && is_sep(*s))
			s++;
		if (!*s)
			break;
		if (n == 3)
			return 4;
		t[n].s = s;
		while (*s && !is_sep(*s))
			s++;
		t[n].n = (size_t)(s - t[n].s);
		n++;
	}
	return n;
}

static int parse_words(const char *s, struct date_span *out)
{
	struct tok t[3];
	/* split() skips separators, which would read "-2022-01-01" (a year
	 * before the era, or a typo) as 2022-01-01. */
	if (is_sep(*s) && *s != ' ')
		return -1;
	if (split(s, t) != 3)
		return -1;
	int m = month_name(t[1].s, t[1].n);
	if (m) /* 22 February 2019, 16-Feb-21 */
		return day_span(year_of(t[2].s, t[2].n), m, number(t[0].s, t[0].n), out);
	m = month_name(t[0].s, t[0].n);
	if (m) /* February 22, 2019 */
		return day_span(year_of(t[2].s, t[2].n), m, number(t[1].s, t[1].n), out);
	if (t[0].n == 4) /* 2019/02/22 */
		return day_span(number(t[0].s, 4), number(t[1].s, t[1].n), number(t[2].s, t[2].n),
				out);
	int a = number(t[0].s, t[0].n), b = number(t[1].s, t[1].n);
	int y = year_of(t[2].s, t[2].n);
	if (t[0].n > 2 || t[1].n > 2)
		return -1;
	/* Day first (ACLED's legacy files), unless only month first fits. */
	if (day_span(y, b, a, out) == 0)
		return 0;
	return day_span(y, a, b, out);
}

/* Copy s trimmed, without a trailing time of day, into buf. */
static bool clean(const char *s, char *buf, size_t size)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n == 0 || n >= size)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	/* "2019-02-22 00:00:00", "2019-02-22T10:00:00Z": the day is enough. */
	char *colon = strchr(buf, ':');
	if (colon) {
		char *cut = colon;
		while (cut > buf && cut[-1] != ' ' && cut[-1] != 'T')
			cut--;
		if (cut == buf)
			return false;
		cut[-1] = '\0';
	}
	return true;
}

int date_parse_any(const char *s, struct date_span *out)
{
	char buf[64];
	if (!s || !clean(s, buf, sizeof(buf)))
		return -1;
	if (date_parse_iso(buf, out) == 0)
		return 0;
	size_t n = strlen(buf);
	if (n == 8 && number(buf, 4) >= 0 && number(buf + 4, 4) >= 0) /* 19910106 */
		return day_span(number(buf, 4), number(buf + 4, 2), number(buf + 6, 2), out);
	return parse_words(buf, out);
}

void date_acled_precision(struct date_span *d, int time_precision)
{
	int y, m, day;
	switch (time_precision) {
	case 2:
		d->start -= 3;
		d->end += 3;
		d->prec = DATE_DAY;
		break;
	case 3:
		date_civil(d->start, &y, &m, &day);
		d->start = date_days(y, m, 1);
		d->end = date_days(y, m, date_days_in_month(y, m));
		d->prec = DATE_MONTH;
		break;
	default:
		break;
	}
}

int date_ucdp_span(const struct date_span *start, const struct date_span *end, int date_prec,
		   struct date_span *out)
{
	if (end->end < start->start)
		return -1;
	out->start = start->start;
	out->end = end->end;
	out->prec = DATE_DAY;
	int y1, m1, d1, y2, m2, d2;
	date_civil(out->start, &y1, &m1, &d1);
	date_civil(out->end, &y2, &m2, &d2);
	if (date_prec >= 4 && y1 == y2 && d1 == 1) {
		if (m1 == 1 && m2 == 12 && d2 == 31)
			out->prec = DATE_YEAR;
		else if (m1 == m2 && d2 == date_days_in_month(y2, m2))
			out->prec = DATE_MONTH;
	}
	return 0;
}
