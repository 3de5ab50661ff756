/* progress: a one-line progress bar for long imports on a terminal
 * (rows, rows/s, percentage and ETA from bytes read). Off the terminal it
 * prints nothing: scripts see only the summary. */
#ifndef SITREP_PROGRESS_H
#define SITREP_PROGRESS_H

#include <stdio.h>

struct progress;

/* A bar on out for a file of total bytes (0 if unknown), or NULL when out
 * is not a terminal; every call accepts NULL. */
struct progress *progress_new(FILE *out, const char *label, long long total);
/* Redrawn at most ten times a second, however often it is called. */
void progress_update(struct progress *p, long rows, long long bytes);
/* Erase the bar and free it. */
void progress_done(struct progress *p);

#endif
