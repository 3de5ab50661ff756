/* sql_readonly: a statement the user types (`sitrep sql`, `:sql`), run on
 * the browsed database read-only. The file is already opened read-only;
 * on top of that an SQLite authorizer, set only while the statement is
 * prepared, refuses anything that writes (even to a temporary table),
 * attaches a file, loads an extension or changes a pragma, and says which
 * of these it was, rather than SQLite's bare "not authorized". */
#ifndef SITREP_SQL_READONLY_H
#define SITREP_SQL_READONLY_H

#include <sqlite3.h>

/* Prepare exactly one statement of text. 0 and *st (caller finalizes), or
 * -1 and *err (caller frees): the refusal, or SQLite's error. */
int sql_readonly_prepare(sqlite3 *db, const char *text, sqlite3_stmt **st, char **err);

#endif
