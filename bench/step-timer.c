/* step-timer: how long the frequency view and the actor panel take to
 * count a filter, through the calls the TUI makes (freq.h, actors.h): the
 * whole count in steps of 30 ms and the longest single step (what a key
 * may wait for), for each grouping of the frequency view and for the
 * actor panel. Usage: step-timer DB [FILTER [WHAT]], WHAT a grouping
 * ("actor") or "panel" for only that count; prints a line per count:
 * total ms, steps, longest step ms, steps over 60 ms, the most CPU ms a
 * step used (on a loaded machine a step's wall time is mostly waiting for
 * the CPU or the disk; its CPU time is the work it did), what. Run by hand (bench/README.md). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/actors.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "sitrep/freq.h"
#include "sitrep/util.h"

#define STEP_MS 30

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int freq(sqlite3 *db, const struct sqlfrag *where, enum freq_by by)
{
	struct freq_count c;
	char *err = NULL;
	int rc, steps = 0, slow = 0;
	double cpu = 0;
	double t0 = monotonic_ms(), longest = 0;

	if (freq_begin(db, where, by, &c, &err) < 0) {
		fprintf(stderr, "step-timer: %s\n", err);
		return -1;
	}
	do {
		double s = monotonic_ms(), c0 = cpu_ms();
		struct freq_table t;
		rc = freq_step(&c, STEP_MS, 0, &err);
		freq_result(&c, FREQ_BY_COUNT, 500, &t); /* as the view does after a step */
		freq_free(&t);
		steps++;
		slow += monotonic_ms() - s > 2 * STEP_MS;
		if (cpu_ms() - c0 > cpu)
			cpu = cpu_ms() - c0;
		if (monotonic_ms() - s > longest)
			longest = monotonic_ms() - s;
	} while (rc > 0);
	freq_count_free(&c);
	if (rc < 0) {
		fprintf(stderr, "step-timer: %s\n", err);
		return -1;
	}
	printf("%.1f\t%d\t%.1f\t%d\t%.1f\tfrequency by %s\n", monotonic_ms() - t0, steps, longest,
	       slow, cpu, freq_by_name(by));
	return 0;
}

static int actors(sqlite3 *db, const struct sqlfrag *where)
{
	struct actor_list l;
	char *err = NULL;
	int rc, steps = 0, slow = 0;
	double cpu = 0;
	double t0 = monotonic_ms(), longest = 0;

	if (actors_begin(db, where, &l, &err) < 0) {
		fprintf(stderr, "step-timer: %s\n", err);
		return -1;
	}
	do {
		double s = monotonic_ms(), c0 = cpu_ms();
		rc = actors_step(&l, STEP_MS, &err);
		steps++;
		slow += monotonic_ms() - s > 2 * STEP_MS;
		if (cpu_ms() - c0 > cpu)
			cpu = cpu_ms() - c0;
		if (monotonic_ms() - s > longest)
			longest = monotonic_ms() - s;
	} while (rc > 0);
	actors_free(&l);
	if (rc < 0) {
		fprintf(stderr, "step-timer: %s\n", err);
		return -1;
	}
	printf("%.1f\t%d\t%.1f\t%d\t%.1f\tactor panel\n", monotonic_ms() - t0, steps, longest, slow,
	       cpu);
	return 0;
}

int main(int argc, char **argv)
{
	char *err = NULL, msg[300];
	struct sqlfrag where;
	struct filter_error fe;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: step-timer DB [FILTER [WHAT]]\n");
		return 2;
	}
	sqlite3 *db = db_open_ro(argv[1], &err);
	if (!db) {
		fprintf(stderr, "step-timer: %s\n", err);
		return 1;
	}
	sqlfrag_init(&where);
	if (filter_compile_count(db, argc > 2 ? argv[2] : "", &where, &fe) < 0) {
		filter_error_format(&fe, msg, sizeof(msg));
		fprintf(stderr, "step-timer: %s\n", msg);
		return 1;
	}
	int rc = 0;
	const char *what = argc > 3 ? argv[3] : NULL;
	for (int by = 0; by < FREQ_NBY && rc == 0; by++)
		if (!what || strcmp(what, freq_by_name((enum freq_by)by)) == 0)
			rc = freq(db, &where, (enum freq_by)by);
	if (rc == 0 && (!what || strcmp(what, "panel") == 0))
		rc = actors(db, &where);
	sqlfrag_free(&where);
	db_close(db);
	return rc ? 1 : 0;
}
