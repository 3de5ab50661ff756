/* db_indexes: indexes schema.sql gained after a file was made, added when
 * the file is next opened for writing (see db.h). An index is never
 * needed for a right answer, only for speed, so a file opened read-only
 * is used as it is and no schema version is spent on them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/extra_json.h"
#include "sitrep/util.h"

static bool index_exists(sqlite3 *db, const char *name, size_t len)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return true; /* the upgrade is a convenience: do not fail on it */
	sqlite3_bind_text(st, 1, name, (int)len, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

int db_add_indexes(sqlite3 *db, const char *path, char **err)
{
	static const char head[] = "\nCREATE INDEX ";
	char *msg = NULL;
	int rc = SQLITE_OK, added = 0;

	for (const char *p = strstr(sitrep_schema_sql, head); rc == SQLITE_OK && p;
	     p = strstr(p + 1, head)) {
		const char *name = p + strlen(head);
		size_t len = strcspn(name, " (");
		if (index_exists(db, name, len))
			continue;
		const char *end = strstr(name, ";\n");
		if (!end)
			continue;
		char *stmt = xstrndup(p + 1, (size_t)(end + 1 - (p + 1)));
		if (added++ == 0)
			rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, stmt, NULL, NULL, &msg);
		free(stmt);
	}
	if (added && rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot add the new indexes: %s%s", path, msg ? msg : "?",
				 db_busy_hint(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_free(msg);
	return rc == SQLITE_OK ? 0 : -1;
}

/* SQLite's json_extract() may not be used by a schema that is not trusted
 * (db.c browses every file so), and the indexes on extra (schema.sql) use
 * it. This one is declared innocuous, and for the one shape extra has, a
 * flat object of strings, and a "$.key" path, it gives what SQLite's own
 * gives (the key's case counts), so that an index built by either (the
 * sqlite3 shell builds bench/gen-events' files) reads the same. Any other
 * path is an error, not a different answer. */
static void sql_json_extract(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *json = (const char *)sqlite3_value_text(argv[0]);
	const char *path = (const char *)sqlite3_value_text(argv[1]);
	if (!json || !path) {
		sqlite3_result_null(ctx);
		return;
	}
	if (strncmp(path, "$.", 2) != 0 || strpbrk(path + 2, ".[\"*") || !path[2]) {
		sqlite3_result_error(ctx, "sitrep's json_extract() reads '$.key' paths only", -1);
		return;
	}
	/* The common case without a parse: "key": after '{' or ',' (never
	 * inside a string, where every quote is escaped: a match there has a
	 * backslash before it), and a value with no escape in it. Else the
	 * whole object is parsed. The key is looked for whole, quotes and
	 * all, not quote by quote: expression indexes call this for every
	 * row, twice each (their WHERE and their key), in a first import. */
	size_t klen = strlen(path + 2);
	char quoted[64];
	if (klen + 3 > sizeof(quoted))
		goto parse;
	quoted[0] = '"';
	memcpy(quoted + 1, path + 2, klen);
	quoted[klen + 1] = '"';
	quoted[klen + 2] = '\0';
	const char *k = strstr(json, quoted);
	/* Not there as written, and no escape that could spell it otherwise:
	 * not there at all. Most rows lack most keys, and the parse of the
	 * whole object was most of an expression index's build. */
	if (!k && !strchr(json, '\\')) {
		sqlite3_result_null(ctx);
		return;
	}
	for (; k; k = strstr(k + 1, quoted)) {
		const char *before = k;
		while (before > json && (before[-1] == ' ' || before[-1] == '\n'))
			before--;
		if (before == json || (before[-1] != '{' && before[-1] != ','))
			continue;
		const char *v = k + 2 + klen;
		while (*v == ' ')
			v++;
		if (*v++ != ':')
			break;
		while (*v == ' ')
			v++;
		const char *end = *v == '"' ? strpbrk(v + 1, "\"\\") : NULL;
		if (!end || *end != '"')
			break; /* an escape, or not a string: the parse decides */
		sqlite3_result_text(ctx, v + 1, (int)(end - v - 1), SQLITE_TRANSIENT);
		return;
	}
parse:;
	struct extra_field *f;
	int n = extra_parse(json, &f);
	if (n < 0) {
		sqlite3_result_error(ctx, "malformed JSON", -1);
		return;
	}
	sqlite3_result_null(ctx);
	for (int i = 0; i < n; i++)
		if (strcmp(f[i].key, path + 2) == 0) {
			sqlite3_result_text(ctx, f[i].value, -1, SQLITE_TRANSIENT);
			break;
		}
	extra_free(f, n);
}

void db_register_json(sqlite3 *db)
{
	sqlite3_create_function(db, "json_extract", 2,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_json_extract, NULL, NULL);
}
