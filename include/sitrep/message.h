/* message: what sitrep tells the user on standard error, sanitised as the
 * TUI's text is (text_sanitize). Messages carry text from files: SQLite's
 * errors quote the names of a database's tables and columns, import errors
 * quote file names and cells; an escape sequence in any of them would
 * otherwise reach the terminal (set its title, write its clipboard). util's
 * warnx_, die and message_ write through message_install's writer; a
 * stream from message_stream sanitises each line written to it. */
#ifndef SITREP_MESSAGE_H
#define SITREP_MESSAGE_H

#include <stdio.h>

#include "sitrep/strbuf.h"

/* Append msg sanitised line by line: each line's control characters,
 * escape sequences, bidi controls and invalid bytes become U+FFFD (or '?'
 * when the locale is not UTF-8, which also makes the rest ASCII); the
 * line breaks between lines stay. */
void message_sanitize(struct strbuf *out, const char *msg);
/* Make warnx_, die and message_ (util.h) write sanitised messages. */
void message_install(void);
/* A stream whose complete lines reach to sanitised (a partial line when it
 * is closed); for the import's per-record messages. NULL when the C
 * library cannot make one (then write to to itself). */
FILE *message_stream(FILE *to);

#endif
