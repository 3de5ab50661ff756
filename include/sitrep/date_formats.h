/* date_formats: the date forms real exports hold, beyond ISO: ACLED's
 * "22 February 2019", Excel's "16-Feb-21" and "12-September-22", legacy
 * "29/12/2015", compact "19910106"; and each source's precision codes
 * turned into a span. Pure: no I/O, no clock. */
#ifndef SITREP_DATE_FORMATS_H
#define SITREP_DATE_FORMATS_H

#include "sitrep/date.h"

/* Parse any supported form (leading/trailing blanks and a trailing
 * time of day "00:00:00" are ignored). Two-digit years follow POSIX %y:
 * 69-99 are 19xx, 00-68 are 20xx. d/m/y is read day first, unless only
 * month first makes sense (12/29/2015). Returns 0, or -1 if not a date. */
int date_parse_any(const char *s, struct date_span *out);

/* ACLED time_precision: 1 the day, 2 a day within about a week of it
 * (a range of +-3 days), 3 a day within its month (the whole month).
 * Unknown codes leave d as it is. */
void date_acled_precision(struct date_span *d, int time_precision);

/* UCDP: the range date_start..date_end at date_prec (1-5). A range that
 * is exactly a calendar month or year gets that precision. Returns 0, or
 * -1 when end is before start. */
int date_ucdp_span(const struct date_span *start, const struct date_span *end, int date_prec,
		   struct date_span *out);

#endif
