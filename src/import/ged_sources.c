/* ged_sources: the shapes of source_article entries (see ged_sources.h). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ged_sources.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A publisher written alone (`SATP`, `Bangkok Post`): no comma, short. A
 * longer text without a date is a headline or a description. */
#define PUBLISHER_ALONE_MAX 40

/* s[0..n) without the characters of set at its start and end, in place:
 * the start returned, the end cut with a NUL. */
static char *strip(char *s, size_t n, const char *set)
{
	while (n && strchr(set, *s))
		s++, n--;
	while (n && strchr(set, s[n - 1]))
		n--;
	s[n] = '\0';
	return s;
}

/* An ISO date "YYYY-MM-DD" at s, not within a longer run of digits. */
static bool iso_at(const char *start, const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (s > start && digit(s[-1]))
		return false;
	for (int i = 0; i < 10; i++)
		if (shape[i] == 'd' ? !digit(s[i]) : s[i] != '-')
			return false;
	if (digit(s[10]))
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	return date_valid(y, m, d);
}

/* "Publisher,YYYY-MM-DD,Headline": GED 19.1 and later. */
static bool standard(char *a, struct source_in *s)
{
	for (char *c = strchr(a, ','); c; c = strchr(c + 1, ',')) {
		if (strlen(c) > 11 && iso_at(a, c + 1) && c[11] == ',') {
			*c = c[11] = '\0';
			s->publisher = strip(a, strlen(a), " ");
			s->published = c + 1;
			s->title = strip(c + 12, strlen(c + 12), " ");
			return true;
		}
	}
	return false;
}

/* The parts around a date from..to: the publisher before it, the headline
 * after it (or, when nothing follows, after the publisher's comma:
 * `Mizzima News, Headline, 2013-07-25`). */
static void around(char *a, char *from, char *to, struct source_in *s)
{
	static const char before_set[] = " ,(:;", after_set[] = " ,):;\".";
	char *pub = strip(a, (size_t)(from - a), before_set);
	char *title = strip(to, strlen(to), after_set);
	if (!*title && strchr(pub, ',')) {
		char *comma = strchr(pub, ',');
		*comma = '\0';
		title = strip(comma + 1, strlen(comma + 1), before_set);
		pub = strip(pub, strlen(pub), before_set);
	}
	s->publisher = *pub ? pub : NULL;
	s->title = *title ? title : NULL;
}

/* A day/month date (`14/6`, `31/10 1997`) at s: its length, and the day
 * in date (the year after it, else the event's: a report is not older than
 * the event by more than a week, else it is of the next year); 0 when none. */
static size_t day_month_at(const char *start, const char *s, long event_start,
			   char date[DATE_ISO_LEN])
{
	if ((s > start && (digit(s[-1]) || s[-1] == '/')) || !digit(s[0]))
		return 0;
	size_t i = digit(s[1]) ? 2 : 1;
	if (s[i] != '/' || !digit(s[i + 1]))
		return 0;
	int d = atoi(s), m = atoi(s + i + 1);
	i += digit(s[i + 2]) ? 3 : 2;
	if (s[i] == '/' || digit(s[i]))
		return 0; /* 1/2/3, a path: no date of this shape */
	int ey, em, ed, y;
	date_civil(event_start, &ey, &em, &ed);
	y = ey;
	if (s[i] == ' ' && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]) &&
	    digit(s[i + 4]) && !digit(s[i + 5])) {
		y = atoi(s + i + 1);
		i += 5;
	} else if (date_valid(y, m, d) && date_days(y, m, d) < event_start - 7) {
		y++;
	}
	if (!date_valid(y, m, d))
		return 0;
	date_format(date, date_days(y, m, d));
	return i;
}

void ged_source_parse(char *a, long event_start, struct source_in *s, char date[DATE_ISO_LEN])
{
	memset(s, 0, sizeof(*s));
	s->fatalities = -1;
	a = strip(a, strlen(a), " ");
	if (strncmp(a, "http://", 7) == 0 || strncmp(a, "https://", 8) == 0) {
		s->url = a;
		return;
	}
	if (standard(a, s))
		return;
	for (char *p = a; *p; p++) {
		if (iso_at(a, p)) {
			memcpy(date, p, 10);
			date[10] = '\0';
			s->published = date;
			around(a, p, p + 10, s);
			return;
		}
	}
	for (char *p = a; *p; p++) {
		size_t n = day_month_at(a, p, event_start, date);
		if (n) {
			s->published = date;
			around(a, p, p + n, s);
			return;
		}
	}
	if (!strchr(a, ',') && strlen(a) <= PUBLISHER_ALONE_MAX)
		s->publisher = *a ? a : NULL;
	else
		s->title = a;
}
