/* date: calendar dates with a precision. A date is stored as the span of
 * days it covers (an event known only to "December 2021" covers
 * 2021-12-01..2021-12-31), so comparisons and overlaps need no special case.
 * Day numbers count from 1970-01-01 in the proleptic Gregorian calendar. */
#ifndef SITREP_DATE_H
#define SITREP_DATE_H

#include <stdbool.h>
#include <stddef.h>

enum date_prec { DATE_DAY, DATE_MONTH, DATE_YEAR };

struct date_span {
	long start; /* first day covered */
	long end;   /* last day covered, >= start */
	enum date_prec prec;
};

#define DATE_ISO_LEN 11 /* "YYYY-MM-DD" + NUL */

/* The day of a date that could not be read (a stored "2020-13-45", year
 * 99999, a number): far outside years 1..9999, so that formatting it
 * writes "invalid" and sorting puts it first, never a real day such as
 * 1970-01-01. */
#define DATE_INVALID_DAY (-1000000000L)
/* A span of DATE_INVALID_DAY at day precision. */
void date_span_invalid(struct date_span *d);
/* Whether day lies in years 1..9999, the dates sitrep reads and writes. */
bool date_day_valid(long day);

long date_days(int y, int m, int d);
void date_civil(long days, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
bool date_valid(int y, int m, int d);

/* "2023", "2023-01", "2023-01-02"; with "..END" in the same forms for a
 * range ("2022-03-27..2022-03-31"). Returns 0 on success, -1 if invalid. */
int date_parse_iso(const char *s, struct date_span *out);
/* A day number as "YYYY-MM-DD" into buf (DATE_ISO_LEN bytes); "invalid"
 * for a day outside years 1..9999. */
void date_format(char *buf, long day);
/* A span at its precision: "2021-12", "2023-01-02",
 * "2022-03-27..2022-03-31" (day ranges), "2012"; "invalid" when either
 * end is not a valid day (date_day_valid). */
void date_format_span(char *buf, size_t size, const struct date_span *d);

const char *date_prec_name(enum date_prec p); /* "day" "month" "year" */
int date_prec_parse(const char *s, enum date_prec *p);

/* Today's day number; SITREP_NOW=YYYY-MM-DD in the environment (what
 * --now sets) pins it. SITREP_NOW=latest is read by resolve_today, which
 * knows the database; here it is the clock's today. */
#define DATE_NOW_LATEST "latest"
long date_today(void);

#endif
