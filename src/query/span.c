/* span: a filter's first and last day, in steps (see span.h). */
#include "config.h"

#include <string.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/span.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

int span_begin(sqlite3 *db, const struct sqlfrag *where, struct span_scan *s, char **err)
{
	struct sqlfrag q;

	memset(s, 0, sizeof(*s));
	s->db = db;
	s->first = 1;
	s->last = 0;
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT e.date_start FROM event e");
	if (!sqlfrag_empty(where)) {
		sqlfrag_sql(&q, " WHERE ");
		sqlfrag_append(&q, where);
	}
	int rc = sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &s->st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, s->st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(&q);
	if (rc != SQLITE_OK) {
		*err = db_error(db);
		span_free(s);
		return -1;
	}
	return 0;
}

long span_day(const unsigned char *iso)
{
	struct date_span d;
	char day[DATE_ISO_LEN];

	if (!iso)
		return DATE_INVALID_DAY;
	size_t n = strnlen((const char *)iso, sizeof(day) - 1);
	memcpy(day, iso, n);
	day[n] = '\0';
	return date_parse_iso(day, &d) == 0 ? d.start : DATE_INVALID_DAY;
}

int span_step(struct span_scan *s, double deadline, long max_rows, char **err)
{
	int rc = SQLITE_ROW;

	if (s->done)
		return 0;
	for (long n = 1; (rc = sqlite3_step(s->st)) == SQLITE_ROW; n++) {
		long day = span_day(sqlite3_column_text(s->st, 0));
		s->events++;
		if (day == DATE_INVALID_DAY)
			; /* a bad date is in no part of the span */
		else if (s->first > s->last)
			s->first = s->last = day;
		else if (day < s->first)
			s->first = day;
		else if (day > s->last)
			s->last = day;
		if (max_rows ? n >= max_rows : (n & 7) == 0 && monotonic_ms() >= deadline)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(s->db);
		return -1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(s->st);
		s->st = NULL;
		s->done = true;
	}
	return s->done ? 0 : 1;
}

void span_free(struct span_scan *s)
{
	sqlite3_finalize(s->st);
	memset(s, 0, sizeof(*s));
}

int span_part(long first, long last, long day, int parts)
{
	if (first > last || day < first || day > last || parts <= 0)
		return -1;
	return (int)((day - first) * parts / (last - first + 1));
}
