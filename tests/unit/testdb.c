/* testdb: scratch databases for the unit tests (see testdb.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "testdb.h"

sqlite3 *testdb_open(char *path, size_t size, const char *name, const char *sql)
{
	char *err = NULL;
	snprintf(path, size, "%s/sitrep-test-%s-%d.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name, (int)getpid());
	unlink(path);
	sqlite3 *db = db_open_rw(path, &err);
	if (!db) {
		fprintf(stderr, "# %s\n", err ? err : path);
		free(err);
		return NULL;
	}
	if (sql && sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "# %s\n", err ? err : "the test's SQL failed");
		sqlite3_free(err);
		db_close(db);
		unlink(path);
		return NULL;
	}
	return db;
}

void testdb_close(sqlite3 *db, const char *path)
{
	db_close(db);
	unlink(path);
}
