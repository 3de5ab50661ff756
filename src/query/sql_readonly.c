/* sql_readonly: the authorizer behind `sitrep sql` (see sql_readonly.h). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/sql_readonly.h"
#include "sitrep/util.h"

/* Pragmas that only read, and whether an argument to them changes a
 * setting (user_version = 7) or only names what to read (table_info(event)). */
static const struct {
	const char *name;
	bool arg_sets;
} read_pragmas[] = {
    {"application_id", true},   {"collation_list", false},   {"compile_options", false},
    {"database_list", false},   {"foreign_key_list", false}, {"function_list", false},
    {"index_info", false},      {"index_list", false},       {"index_xinfo", false},
    {"integrity_check", false}, {"module_list", false},      {"page_count", false},
    {"page_size", true},        {"pragma_list", false},      {"quick_check", false},
    {"schema_version", true},   {"table_info", false},       {"table_list", false},
    {"table_xinfo", false},     {"user_version", true},
};

/* SQL functions that reach outside the database or into memory. */
static const char *const refused_functions[] = {"load_extension", "fts3_tokenizer"};

struct guard {
	char *why; /* the first refusal */
};

/* Keep the first refusal (msg, owned) for the message. */
static void refuse(struct guard *g, char *msg)
{
	if (g->why)
		free(msg);
	else
		g->why = msg;
}

static int check_pragma(struct guard *g, const char *name, const char *arg)
{
	for (size_t i = 0; i < ARRAY_SIZE(read_pragmas); i++) {
		if (strcasecmp(name, read_pragmas[i].name) != 0)
			continue;
		if (arg && read_pragmas[i].arg_sets) {
			refuse(g, xasprintf("refused: PRAGMA %s with a value changes a setting; "
					    "sitrep sql only reads",
					    name));
			return SQLITE_DENY;
		}
		return SQLITE_OK;
	}
	refuse(g, xasprintf("refused: PRAGMA %s can change the connection or the file; "
			    "sitrep sql only reads",
			    name));
	return SQLITE_DENY;
}

static int authorize(void *ctx, int action, const char *a1, const char *a2, const char *db,
		     const char *trigger)
{
	struct guard *g = ctx;
	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		for (size_t i = 0; i < ARRAY_SIZE(refused_functions); i++)
			if (a2 && strcasecmp(a2, refused_functions[i]) == 0) {
				refuse(g,
				       xasprintf("refused: %s() loads code or reaches into memory",
						 a2));
				return SQLITE_DENY;
			}
		return SQLITE_OK;
	case SQLITE_PRAGMA:
		return check_pragma(g, a1 ? a1 : "?", a2);
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		refuse(g, xasprintf("refused: %s opens or closes another database file; sitrep sql "
				    "reads only the one browsed",
				    action == SQLITE_ATTACH ? "ATTACH" : "DETACH"));
		return SQLITE_DENY;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		if (a1 && strncmp(a1, "sqlite_", 7) == 0)
			goto schema; /* CREATE and DROP write the schema table first */
		refuse(g, xasprintf("refused: the statement writes to %s; sitrep sql only reads",
				    a1 ? a1 : "?"));
		return SQLITE_DENY;
	default:
		/* CREATE, DROP, ALTER, REINDEX, ANALYZE, transactions, savepoints,
		 * virtual tables: none of them only reads. */
	schema:
		refuse(g, xstrdup("refused: the statement changes the schema, a transaction or the "
				  "file; sitrep sql runs statements that only read (SELECT, WITH, "
				  "a reading PRAGMA)"));
		return SQLITE_DENY;
	}
}

/* Only blanks and comments left after the statement. */
static bool only_blanks(const char *s)
{
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ';')
			s++;
		else if (s[0] == '-' && s[1] == '-')
			s += strcspn(s, "\n");
		else if (s[0] == '/' && s[1] == '*') {
			const char *end = strstr(s + 2, "*/");
			s = end ? end + 2 : s + strlen(s);
		} else
			return false;
	}
	return true;
}

int sql_readonly_prepare(sqlite3 *db, const char *text, sqlite3_stmt **st, char **err)
{
	struct guard g = {0};
	const char *tail = NULL;

	*st = NULL;
	sqlite3_set_authorizer(db, authorize, &g);
	int rc = sqlite3_prepare_v2(db, text, -1, st, &tail);
	sqlite3_set_authorizer(db, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* SQLite says only "not authorized"; the guard says what. */
		*err = g.why ? g.why : xasprintf("SQL: %s", sqlite3_errmsg(db));
		sqlite3_finalize(*st);
		*st = NULL;
		return -1;
	}
	if (!*st) {
		*err = xstrdup("SQL: no statement given");
		return -1;
	}
	/* The authorizer saw every step; this is the belt to its braces. */
	if (!sqlite3_stmt_readonly(*st)) {
		*err = xstrdup("refused: the statement could write; sitrep sql only reads");
	} else if (tail && !only_blanks(tail)) {
		*err = xstrdup("refused: more than one statement; sitrep sql runs one at a time");
	} else {
		free(g.why);
		return 0;
	}
	free(g.why);
	sqlite3_finalize(*st);
	*st = NULL;
	return -1;
}
