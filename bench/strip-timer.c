/* strip-timer: how long the density strip takes for each filter given on
 * the command line, measured through the same calls the TUI makes
 * (density.h): the whole count in steps of 30 ms, the longest single step
 * (what a keystroke may wait for), and then one screen of buckets (160) at
 * each zoom level from the finished histogram. Beside each wall time the
 * process's CPU time for the same span: other work on the machine stretches
 * wall time, not CPU time. Used by bench/strip.sh. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sitrep/db.h"
#include "sitrep/density.h"
#include "sitrep/filter.h"

#define STEP_MS 30
#define SCREEN  160

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static double cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int bench(sqlite3 *db, const char *filter)
{
	struct sqlfrag where;
	struct filter_error fe;
	char *err = NULL, msg[300];
	int rc, steps = 0;
	double t0 = now_ms(), c0 = cpu_ms(), longest = 0, longest_cpu = 0;

	sqlfrag_init(&where);
	/* the form the TUI counts with (ui.h: count_where) */
	if (filter_compile_count(db, filter, &where, &fe) < 0) {
		filter_error_format(&fe, msg, sizeof(msg));
		fprintf(stderr, "strip-timer: %s\n", msg);
		return -1;
	}
	struct density *d = density_new(db, &err);
	if (!d || density_set_filter(d, filter, &where, &err) < 0) {
		fprintf(stderr, "strip-timer: %s\n", err);
		return -1;
	}
	do {
		double s = now_ms(), cs = cpu_ms();
		rc = density_step(d, STEP_MS, &err);
		steps++;
		double wall = now_ms() - s, cpu = cpu_ms() - cs;
		if (wall > longest) {
			longest = wall;
			longest_cpu = cpu; /* the CPU time of that same step */
		}
	} while (rc > 0);
	if (rc < 0) {
		fprintf(stderr, "strip-timer: %s\n", err);
		return -1;
	}
	double total = now_ms() - t0, total_cpu = cpu_ms() - c0, zoom = 0;
	long first = 0, last = 0, sum = 0;
	density_range(d, &first, &last);
	for (int z = 0; z < ZOOM_COUNT; z++) {
		double s = now_ms();
		long b = bucket_of((enum bucket_zoom)z, last);
		for (long k = b - SCREEN + 1; k <= b; k++) {
			struct density_counts c = density_bucket(d, (enum bucket_zoom)z, k);
			sum += c.incidents + c.context;
		}
		if (now_ms() - s > zoom)
			zoom = now_ms() - s;
	}
	printf("%.1f\t%d\t%.1f\t%.3f\t%ld\t%s\t%.1f\t%.1f\n", total, steps, longest, zoom, sum,
	       *filter ? filter : "(none)", total_cpu, longest_cpu);
	density_free(d);
	sqlfrag_free(&where);
	return 0;
}

int main(int argc, char **argv)
{
	char *err = NULL;

	if (argc < 3) {
		fprintf(stderr, "usage: strip-timer DB FILTER...\n");
		return 2;
	}
	sqlite3 *db = db_open_ro(argv[1], &err);
	if (!db) {
		fprintf(stderr, "strip-timer: %s\n", err);
		return 1;
	}
	for (int i = 2; i < argc; i++)
		if (bench(db, argv[i]) < 0)
			return 1;
	db_close(db);
	return 0;
}
