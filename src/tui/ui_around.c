/* ui_around: what happened around the selected event. The around action
 * (and ":around [N]d", ":around Nkm") adds a filter term built from the
 * event: date:DAY+-15d for the days around it, near:#ID<Nkm for its
 * surroundings. The event matches its own window, so the timeline's
 * refill keeps the cursor on it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/filter.h"
#include "sitrep/util.h"
#include "ui_impl.h"

#define AROUND_DAYS 15

/* "15d", "2w" (days) or "50km", "500m" (a radius); false for anything else. */
static bool parse_arg(const char *arg, long *days, double *km)
{
	char *end;
	double n = strtod(arg, &end);

	*days = -1;
	*km = -1;
	if (end == arg || n < 0 || n > 36500 || *arg == '+' || *arg == '-')
		return false;
	if ((strcmp(end, "d") == 0 || strcmp(end, "w") == 0) && n == (long)n) {
		*days = (long)n * (*end == 'w' ? 7 : 1);
		return true;
	}
	if (strcmp(end, "km") == 0 || strcmp(end, "m") == 0) {
		*km = *end == 'm' ? n / 1000 : n;
		return *km > 0;
	}
	return false;
}

/* The event's date as the filter writes it: its day, month or year. */
static void centre(const struct event_row *r, char *buf, size_t size)
{
	int len = r->date.prec == DATE_YEAR ? 4 : r->date.prec == DATE_MONTH ? 7 : 10;
	snprintf(buf, size, "%.*s", len, r->date_start);
}

static void add_term(struct ui *ui, const char *term)
{
	struct filter_error err;
	char msg[320];

	if (session_add_terms(ui->s, term, &err) != 0) {
		filter_error_format(&err, msg, sizeof msg);
		ui_error(ui, "%s", msg);
	} else {
		ui_message(ui, "Around: added %s", term);
	}
}

int ui_around(struct ui *ui, const char *arg)
{
	const struct event_row *r = session_current(ui->s);
	long days = AROUND_DAYS;
	double km = -1;
	char term[96], date[16];

	if (arg && *arg && !parse_arg(arg, &days, &km)) {
		ui_error(ui, "around: %s: give days (15d, 2w) or a distance (50km)", arg);
		return UI_HANDLED;
	}
	if (!r) {
		ui_message(ui, "No event selected");
		return UI_HANDLED;
	}
	if (r->date_null || r->key_by_row || !date_day_valid(r->date.start)) {
		ui_error(ui, "around: this event's date cannot be read");
		return UI_HANDLED;
	}
	if (km < 0) {
		centre(r, date, sizeof date);
		snprintf(term, sizeof term, "date:%s+-%ldd", date, days);
	} else if (!r->has_coords) {
		ui_error(ui, "around: this event has no coordinates");
		return UI_HANDLED;
	} else {
		long long own;
		const char *layer;
		/* a layer's event is not in this file: its place goes by its point */
		session_db_of(ui->s, r->id, &own, &layer);
		if (layer)
			snprintf(term, sizeof term, "near:%.5f,%.5f<%gkm", r->lat, r->lon, km);
		else
			snprintf(term, sizeof term, "near:#%lld<%gkm", r->id, km);
	}
	add_term(ui, term);
	return UI_HANDLED;
}
