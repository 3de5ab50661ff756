/* util: allocation that never returns NULL, and fatal errors that first
 * restore the terminal (the UI registers its clean-up with die_atexit).
 * Recoverable errors are returned as codes plus a message, never via die(). */
#ifndef SITREP_UTIL_H
#define SITREP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

extern const char *progname;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh allocation */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The function called by die() before it prints (e.g. endwin). */
void die_atexit(void (*cleanup)(void));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "sitrep: MESSAGE" and a line break on stderr. */
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a message on f as it is formatted (the caller ends its lines). */
void message_(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* die, warnx_ and message_ hand each whole message to writer, which
 * message_install (message.h) sets to one that sanitises what data put in
 * it; without one they print it as it is. */
void util_set_message_writer(void (*writer)(FILE *f, const char *text));

/* Milliseconds on the monotonic clock: for budgets and timings, never dates. */
double monotonic_ms(void);
/* SITREP_TIMING is set: commands print what their phases cost on stderr,
 * for the scripts under bench/ (never for tests of speed). */
bool timing_on(void);
/* CPU time the calling thread has used, in milliseconds (for timings). */
double thread_cpu_ms(void);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
