/* util: allocation wrappers and fatal errors (see util.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "sitrep/util.h"

const char *progname = "sitrep";

static void (*die_cleanup)(void);

static _Noreturn void out_of_memory(void)
{
	die("out of memory");
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("bad format string");
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void die_atexit(void (*cleanup)(void))
{
	die_cleanup = cleanup;
}

static void (*message_writer)(FILE *f, const char *text);

void util_set_message_writer(void (*writer)(FILE *f, const char *text))
{
	message_writer = writer;
}

/* prefix (may be "") and the formatted message to f, through the writer */
static void vmessage(FILE *f, const char *prefix, const char *fmt, va_list ap, const char *end)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	size_t lp = strlen(prefix), le = strlen(end);
	char *text = malloc(lp + (n > 0 ? (size_t)n : 0) + le + 1);
	if (!text || n < 0) { /* out of memory: the message unformatted beats none */
		fputs(fmt, f);
		free(text);
		return;
	}
	memcpy(text, prefix, lp);
	vsnprintf(text + lp, (size_t)n + 1, fmt, ap);
	memcpy(text + lp + n, end, le + 1);
	if (message_writer)
		message_writer(f, text);
	else
		fputs(text, f);
	free(text);
}

_Noreturn void die(const char *fmt, ...)
{
	/* Restore the terminal first, or the message is lost in curses mode. */
	if (die_cleanup) {
		void (*fn)(void) = die_cleanup;
		die_cleanup = NULL;
		fn();
	}
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%s: ", progname);
	va_list ap;
	va_start(ap, fmt);
	vmessage(stderr, prefix, fmt, ap, "\n");
	va_end(ap);
	exit(EXIT_FAILURE);
}

void warnx_(const char *fmt, ...)
{
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%s: ", progname);
	va_list ap;
	va_start(ap, fmt);
	vmessage(stderr, prefix, fmt, ap, "\n");
	va_end(ap);
}

void message_(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(f, "", fmt, ap, "");
	va_end(ap);
}

double monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool timing_on(void)
{
	static int on = -1;
	if (on < 0)
		on = getenv("SITREP_TIMING") != NULL;
	return on;
}

double thread_cpu_ms(void)
{
	struct rusage ru;
#ifndef RUSAGE_THREAD /* Linux's; elsewhere the whole process */
#define RUSAGE_THREAD RUSAGE_SELF
#endif
	if (getrusage(RUSAGE_THREAD, &ru) != 0)
		return 0;
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}
