/* date: civil-calendar arithmetic and ISO spans (see date.h). The day
 * number conversions are Howard Hinnant's well-known civil algorithms,
 * valid for the whole proleptic Gregorian calendar. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/date.h"

long date_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil(long days, int *y, int *m, int *d)
{
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Exactly n digits at s; returns the value or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* One ISO date at its precision, exactly len bytes. */
static int parse_one(const char *s, size_t len, struct date_span *out)
{
	int y, m = 1, d = 1;
	if (len != 4 && len != 7 && len != 10)
		return -1;
	if ((y = digits(s, 4)) < 0)
		return -1;
	out->prec = DATE_YEAR;
	if (len >= 7) {
		if (s[4] != '-' || (m = digits(s + 5, 2)) < 0)
			return -1;
		out->prec = DATE_MONTH;
	}
	if (len == 10) {
		if (s[7] != '-' || (d = digits(s + 8, 2)) < 0)
			return -1;
		out->prec = DATE_DAY;
	}
	if (!date_valid(y, m, d))
		return -1;
	out->start = date_days(y, m, d);
	switch (out->prec) {
	case DATE_DAY:
		out->end = out->start;
		break;
	case DATE_MONTH:
		out->end = date_days(y, m, date_days_in_month(y, m));
		break;
	case DATE_YEAR:
		out->end = date_days(y, 12, 31);
		break;
	}
	return 0;
}

int date_parse_iso(const char *s, struct date_span *out)
{
	const char *dots = strstr(s, "..");
	if (!dots)
		return parse_one(s, strlen(s), out);
	struct date_span a, b;
	if (parse_one(s, (size_t)(dots - s), &a) < 0 ||
	    parse_one(dots + 2, strlen(dots + 2), &b) < 0)
		return -1;
	if (b.end < a.start)
		return -1;
	out->start = a.start;
	out->end = b.end;
	/* A range is as precise as its coarser end. */
	out->prec = a.prec > b.prec ? a.prec : b.prec;
	return 0;
}

#define DAY_FIRST (-719162L) /* 0001-01-01 */
#define DAY_LAST  2932896L   /* 9999-12-31 */

bool date_day_valid(long day)
{
	return day >= DAY_FIRST && day <= DAY_LAST;
}

void date_span_invalid(struct date_span *d)
{
	d->start = d->end = DATE_INVALID_DAY;
	d->prec = DATE_DAY;
}

void date_format(char *buf, long day)
{
	int y, m, d;
	if (!date_day_valid(day)) {
		memcpy(buf, "invalid", sizeof("invalid"));
		return;
	}
	date_civil(day, &y, &m, &d);
	/* Digit by digit: the fields' ranges are known, and this is hot. */
	unsigned uy = (unsigned)(y < 0 ? 0 : y % 10000);
	buf[0] = (char)('0' + uy / 1000);
	buf[1] = (char)('0' + uy / 100 % 10);
	buf[2] = (char)('0' + uy / 10 % 10);
	buf[3] = (char)('0' + uy % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

void date_format_span(char *buf, size_t size, const struct date_span *d)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	if (!date_day_valid(d->start) || !date_day_valid(d->end)) {
		snprintf(buf, size, "invalid");
		return;
	}
	date_format(a, d->start);
	date_format(b, d->end);
	switch (d->prec) {
	case DATE_YEAR:
		if (strncmp(a, b, 4) == 0 && strcmp(a + 4, "-01-01") == 0 &&
		    strcmp(b + 4, "-12-31") == 0) {
			snprintf(buf, size, "%.4s", a);
			return;
		}
		snprintf(buf, size, "%.4s..%.4s", a, b);
		return;
	case DATE_MONTH:
		if (strncmp(a, b, 7) == 0) {
			snprintf(buf, size, "%.7s", a);
			return;
		}
		snprintf(buf, size, "%.7s..%.7s", a, b);
		return;
	case DATE_DAY:
		if (d->start == d->end)
			snprintf(buf, size, "%s", a);
		else
			snprintf(buf, size, "%s..%s", a, b);
		return;
	}
}

const char *date_prec_name(enum date_prec p)
{
	switch (p) {
	case DATE_DAY:
		return "day";
	case DATE_MONTH:
		return "month";
	case DATE_YEAR:
		return "year";
	}
	return "day";
}

int date_prec_parse(const char *s, enum date_prec *p)
{
	if (strcmp(s, "day") == 0)
		*p = DATE_DAY;
	else if (strcmp(s, "month") == 0)
		*p = DATE_MONTH;
	else if (strcmp(s, "year") == 0)
		*p = DATE_YEAR;
	else
		return -1;
	return 0;
}

long date_today(void)
{
	const char *pin = getenv("SITREP_NOW");
	struct date_span d;
	if (pin && *pin && date_parse_iso(pin, &d) == 0)
		return d.start;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
