/* sitrep schema: the database schema as SQL, for users of the sqlite3
 * shell and for tools that write sitrep files (bench/gen-events). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"

int cmd_schema(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("Usage: sitrep schema\n"
		       "Print the SQL that creates a sitrep database (schema version %d);\n"
		       "a file made with it also needs PRAGMA application_id = %d and\n"
		       "PRAGMA user_version = %d.\n",
		       SITREP_SCHEMA_VERSION, SITREP_APP_ID, SITREP_SCHEMA_VERSION);
		return EXIT_OK;
	}
	if (argc > 1)
		return cli_usage_error("schema", "unexpected argument '%s'", argv[1]);
	fputs(sitrep_schema_sql, stdout);
	fputc('\n', stdout);
	fputs(sitrep_counts_sql, stdout);
	return EXIT_OK; /* a failed write is caught and reported by cli_main */
}
