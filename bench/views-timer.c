/* views-timer: how long the views of time take to read what they draw,
 * through the same calls and steps the views make: the before/after
 * figures around a context event (before_after.h, one query a step, at
 * 30, 90, 180 and 365 days: the windows B switches to), the distance
 * series by month (distance.h, steps of 30 ms) and the swimlanes
 * (lanes.h, steps of 30 ms). For each: the whole time, the steps, the
 * longest step (what a keystroke may wait for). Used by bench/views.sh. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sitrep/before_after.h"
#include "sitrep/db.h"
#include "sitrep/distance.h"
#include "sitrep/filter.h"
#include "sitrep/lanes.h"
#include "sitrep/places.h"
#include "sitrep/util.h"

#define STEP_MS 30

/* Wall and CPU time both: on a shared machine the wall clock says what
 * the load did, the CPU time what the step cost. */
struct timing {
	double t0, c0, longest, longest_cpu, step0, cstep0;
	int steps;
};

static void begin(struct timing *t)
{
	*t = (struct timing){.t0 = monotonic_ms(), .c0 = thread_cpu_ms()};
}

static void before_step(struct timing *t)
{
	t->step0 = monotonic_ms();
	t->cstep0 = thread_cpu_ms();
}

static void after_step(struct timing *t)
{
	double d = monotonic_ms() - t->step0, c = thread_cpu_ms() - t->cstep0;
	t->steps++;
	if (d > t->longest)
		t->longest = d;
	if (c > t->longest_cpu)
		t->longest_cpu = c;
}

static void report(const char *what, const struct timing *t, const char *filter)
{
	printf("%s\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%s\n", what, monotonic_ms() - t->t0,
	       thread_cpu_ms() - t->c0, t->steps, t->longest, t->longest_cpu,
	       *filter ? filter : "(none)");
}

static int fail(const char *err)
{
	fprintf(stderr, "views-timer: %s\n", err ? err : "failed");
	return -1;
}

static int bench(sqlite3 *db, const char *day, const struct place *cap, const char *filter)
{
	struct sqlfrag where;
	struct filter_error fe;
	struct timing t;
	char *err = NULL, msg[300];
	int rc;

	/* the forms the views use: counts, and pages for the walks in date
	 * order (distance, before/after) */
	struct sqlfrag pages;
	sqlfrag_init(&where);
	sqlfrag_init(&pages);
	if (filter_compile_count(db, filter, &where, &fe) < 0 ||
	    filter_compile(db, filter, &pages, &fe) < 0) {
		filter_error_format(&fe, msg, sizeof(msg));
		return fail(msg);
	}
	/* each window the view's B key switches to */
	static const int windows[] = {30, 90, 180, 365};
	for (size_t w = 0; w < sizeof(windows) / sizeof(windows[0]); w++) {
		struct before_after ba;
		char what[32];
		begin(&t);
		rc = before_after_begin(day, windows[w], &ba, &err);
		while (rc == 0) {
			before_step(&t);
			rc = before_after_step(db, &pages, 10, true, cap->lat, cap->lon, 30, &ba,
					       &err);
			after_step(&t);
			rc = rc > 0 ? 0 : rc < 0 ? -1 : 1;
		}
		if (rc < 0)
			return fail(err);
		snprintf(what, sizeof what, "ba-%dd", windows[w]);
		report(what, &t, filter);
		before_after_free(&ba);
	}

	begin(&t);
	struct distance_scan *s = distance_begin(db, &pages, ZOOM_MONTH, cap->lat, cap->lon, &err);
	if (!s)
		return fail(err);
	do {
		before_step(&t);
		rc = distance_step(s, STEP_MS, &err);
		after_step(&t);
	} while (rc > 0);
	if (rc < 0)
		return fail(err);
	report("distance", &t, filter);
	distance_end(s);

	struct lanes l;
	begin(&t);
	if (lanes_begin(db, &where, 50, &l, &err) < 0)
		return fail(err);
	do {
		before_step(&t);
		rc = lanes_step(&l, STEP_MS, &err);
		after_step(&t);
	} while (rc > 0);
	if (rc < 0)
		return fail(err);
	report("lanes", &t, filter);
	lanes_free(&l);
	sqlfrag_free(&where);
	sqlfrag_free(&pages);
	return 0;
}

int main(int argc, char **argv)
{
	char *err = NULL, day[16];
	bool ctx = false;
	struct place cap = {0};

	if (argc < 4) {
		fprintf(stderr, "usage: views-timer DB CONTEXT_ID FILTER...\n");
		return 2;
	}
	sqlite3 *db = db_open_ro(argv[1], &err);
	if (!db) {
		fail(err);
		return 1;
	}
	if (before_after_anchor(db, atoll(argv[2]), day, &ctx, &err) != 0 || !ctx) {
		fail(err ? err : "no such context event");
		return 1;
	}
	if (places_capital(db, &cap, &err) != 0) {
		fail(err ? err : "no capital");
		return 1;
	}
	for (int i = 3; i < argc; i++)
		if (bench(db, day, &cap, argv[i]) < 0)
			return 1;
	place_free(&cap);
	db_close(db);
	return 0;
}
