/* testdb: a scratch database for the unit tests of the read models: a new
 * file named after the test and the process, with sitrep's schema
 * (db_open_rw), filled by the test's own SQL. */
#ifndef SITREP_TESTDB_H
#define SITREP_TESTDB_H

#include <sqlite3.h>
#include <stddef.h>

/* Make path (size bytes) "$TMPDIR/sitrep-test-NAME-PID.db", create it and
 * run sql on it. The connection, or NULL after saying why on stderr. */
sqlite3 *testdb_open(char *path, size_t size, const char *name, const char *sql);
/* Close db and remove its file. */
void testdb_close(sqlite3 *db, const char *path);

#endif
