/* bucket: time buckets for the density strip (see bucket.h). Week buckets
 * count Mondays from the epoch; month, quarter and year buckets count from
 * year 0 so that bucket numbers stay non-negative for every valid date. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sitrep/bucket.h"

static const char *const zoom_names[ZOOM_COUNT] = {"day", "week", "month", "quarter", "year"};

/* 1970-01-05, the first Monday after the epoch (day 4). */
#define MONDAY0 4

static long floor_div(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

const char *bucket_zoom_name(enum bucket_zoom z)
{
	return z >= 0 && z < ZOOM_COUNT ? zoom_names[z] : "?";
}

int bucket_zoom_parse(const char *s, enum bucket_zoom *z)
{
	for (int i = 0; i < ZOOM_COUNT; i++) {
		if (strcmp(s, zoom_names[i]) == 0) {
			*z = (enum bucket_zoom)i;
			return 0;
		}
	}
	return -1;
}

long bucket_of(enum bucket_zoom z, long day)
{
	int y, m, d;

	if (z == ZOOM_DAY)
		return day;
	if (z == ZOOM_WEEK)
		return floor_div(day - MONDAY0, 7);
	date_civil(day, &y, &m, &d);
	switch (z) {
	case ZOOM_MONTH:
		return (long)y * 12 + (m - 1);
	case ZOOM_QUARTER:
		return (long)y * 4 + (m - 1) / 3;
	default:
		return y;
	}
}

long bucket_start(enum bucket_zoom z, long b)
{
	switch (z) {
	case ZOOM_DAY:
		return b;
	case ZOOM_WEEK:
		return b * 7 + MONDAY0;
	case ZOOM_MONTH:
		return date_days((int)floor_div(b, 12), (int)(b - floor_div(b, 12) * 12) + 1, 1);
	case ZOOM_QUARTER:
		return date_days((int)floor_div(b, 4), (int)(b - floor_div(b, 4) * 4) * 3 + 1, 1);
	default:
		return date_days((int)b, 1, 1);
	}
}

long bucket_end(enum bucket_zoom z, long b)
{
	return bucket_start(z, b + 1) - 1;
}

long bucket_of_span(enum bucket_zoom z, const struct date_span *s, bool *spread)
{
	long b = bucket_of(z, s->start);

	if (spread)
		*spread = s->end > bucket_end(z, b);
	return b;
}

void bucket_iso_week(long day, int *iso_year, int *week)
{
	/* The week's Thursday decides its year; its day of that year its number. */
	long monday = floor_div(day - MONDAY0, 7) * 7 + MONDAY0;
	long thursday = monday + 3;
	int y, m, d;

	date_civil(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thursday - date_days(y, 1, 1)) / 7) + 1;
}

void bucket_label(enum bucket_zoom z, long b, char *buf)
{
	long start = bucket_start(z, b);
	int y, m, d, w;

	date_civil(start, &y, &m, &d);
	switch (z) {
	case ZOOM_DAY:
		date_format(buf, start);
		break;
	case ZOOM_WEEK:
		bucket_iso_week(start, &y, &w);
		snprintf(buf, BUCKET_LABEL_LEN, "%04d-W%02d", y, w);
		break;
	case ZOOM_MONTH:
		snprintf(buf, BUCKET_LABEL_LEN, "%04d-%02d", y, m);
		break;
	case ZOOM_QUARTER:
		snprintf(buf, BUCKET_LABEL_LEN, "%04d-Q%d", y, (m + 2) / 3);
		break;
	default:
		snprintf(buf, BUCKET_LABEL_LEN, "%04d", y);
		break;
	}
}

int bucket_year_label(enum bucket_zoom z, long b)
{
	int y, m, d;

	date_civil(bucket_end(z, b), &y, &m, &d);
	/* The bucket's last day is in year y; does 1 January of y lie in it? */
	return date_days(y, 1, 1) >= bucket_start(z, b) ? y : 0;
}
