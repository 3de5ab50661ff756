/* fuzz_cli: the command line's formatters for the database-row harness,
 * each from a file that includes the command's source to reach its static
 * functions (fuzz_cli_show.c, fuzz_cli_list.c, fuzz_cli_stats.c). They
 * write to fuzz_cli_null (and stdout, sent to /dev/null). */
#ifndef SITREP_FUZZ_CLI_H
#define SITREP_FUZZ_CLI_H

#include <sqlite3.h>
#include <stdio.h>

extern FILE *fuzz_cli_null;
void fuzz_cli_setup(void);
void fuzz_cli_show(sqlite3 *db, long long id);
void fuzz_cli_list(sqlite3 *db);
void fuzz_cli_stats(sqlite3 *db);

#endif
