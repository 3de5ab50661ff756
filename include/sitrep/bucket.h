/* bucket: the density strip's time buckets on day numbers (date.h): days,
 * ISO weeks (Monday first, numbered by the year of their Thursday), months,
 * quarters and years. Buckets of one zoom are numbered consecutively, so the
 * next bucket is b + 1 and an empty one is just a number nobody counted. */
#ifndef SITREP_BUCKET_H
#define SITREP_BUCKET_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/date.h"

enum bucket_zoom { ZOOM_DAY, ZOOM_WEEK, ZOOM_MONTH, ZOOM_QUARTER, ZOOM_YEAR, ZOOM_COUNT };

#define BUCKET_LABEL_LEN 32 /* "2022-W52", "2023-Q1", "2023-01-02" with room to spare */

const char *bucket_zoom_name(enum bucket_zoom z); /* "day" "week" "month" "quarter" "year" */
int bucket_zoom_parse(const char *s, enum bucket_zoom *z); /* 0, or -1 unknown */

/* The bucket holding day; its first and last day. */
long bucket_of(enum bucket_zoom z, long day);
long bucket_start(enum bucket_zoom z, long b);
long bucket_end(enum bucket_zoom z, long b);

/* The bucket an event's span is counted in: always the bucket of its first
 * day, so that every event is counted exactly once and bucket totals add up
 * to the filter's count. An event known only to the month ("2021-12") thus
 * falls on 2021-12-01 at day zoom and in the week holding that day. *spread
 * (may be NULL) says the span reaches past that bucket, which the strip can
 * mark as imprecise. */
long bucket_of_span(enum bucket_zoom z, const struct date_span *s, bool *spread);

/* "2023-01-02", "2022-W52" (ISO week of the ISO year), "2023-01", "2023-Q1",
 * "2023". buf holds BUCKET_LABEL_LEN bytes. */
void bucket_label(enum bucket_zoom z, long b, char *buf);
/* The year whose 1 January falls in bucket b, or 0: where the strip puts
 * its year labels (a week bucket straddling New Year carries the label). */
int bucket_year_label(enum bucket_zoom z, long b);

/* ISO 8601 week of a day: week 1 holds the year's first Thursday. */
void bucket_iso_week(long day, int *iso_year, int *week);

#endif
