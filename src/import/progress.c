/* progress: an import's progress bar (see progress.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/progress.h"
#include "sitrep/util.h"

#define BAR_COLS 24

struct progress {
	FILE *out;
	char label[40];
	long long total;
	double start, last;
	int drawn;
};

struct progress *progress_new(FILE *out, const char *label, long long total)
{
	if (!out || !isatty(fileno(out)))
		return NULL;
	struct progress *p = xcalloc(1, sizeof(*p));
	p->out = out;
	/* The label is a file name: keep its tail, which tells files apart. */
	size_t n = strlen(label);
	const char *tail = n >= sizeof(p->label) ? label + n - (sizeof(p->label) - 1) : label;
	for (size_t i = 0; tail[i] && i < sizeof(p->label) - 1; i++)
		p->label[i] = (unsigned char)tail[i] < 0x20 ? '?' : tail[i];
	p->total = total;
	p->start = p->last = monotonic_ms() / 1e3;
	return p;
}

static void eta(char *buf, size_t size, double secs)
{
	if (secs < 0 || secs > 359999)
		snprintf(buf, size, "--:--");
	else if (secs >= 3600)
		snprintf(buf, size, "%d:%02d:%02d", (int)secs / 3600, (int)secs / 60 % 60,
			 (int)secs % 60);
	else
		snprintf(buf, size, "%02d:%02d", (int)secs / 60, (int)secs % 60);
}

void progress_update(struct progress *p, long rows, long long bytes)
{
	if (!p)
		return;
	double t = monotonic_ms() / 1e3;
	if (t - p->last < 0.1)
		return;
	p->last = t;
	double elapsed = t - p->start, rate = elapsed > 0 ? rows / elapsed : 0;
	char bar[BAR_COLS + 1], left[16] = "--:--";
	double frac = p->total > 0 ? (double)bytes / (double)p->total : 0;
	if (frac > 1)
		frac = 1;
	int fill = (int)(frac * BAR_COLS);
	memset(bar, '#', (size_t)fill);
	memset(bar + fill, '.', (size_t)(BAR_COLS - fill));
	bar[BAR_COLS] = '\0';
	if (frac > 0)
		eta(left, sizeof(left), elapsed / frac - elapsed);
	fprintf(p->out, "\r%s [%s] %3d%% %ld rows %.0f rows/s ETA %s\033[K", p->label, bar,
		(int)(frac * 100), rows, rate, left);
	fflush(p->out);
	p->drawn = 1;
}

void progress_done(struct progress *p)
{
	if (!p)
		return;
	if (p->drawn) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
	}
	free(p);
}
