/* cli: the command line. `sitrep [OPTIONS] [FILTER...]` opens the TUI (or
 * lists when standard output is not a terminal); `sitrep COMMAND ...` runs
 * one non-interactive command. Each command parses its own options with
 * the helpers here so they all behave alike. */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

#include <getopt.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "sitrep/sqlfrag.h"

/* Exit statuses: 0 ok, 1 failure (bad file, bad data), 2 usage error. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

int cli_main(int argc, char **argv);

/* Commands. Each gets argv with argv[0] = the command's name. */
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_count(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_notes(int argc, char **argv);
int cmd_sql(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_map(int argc, char **argv);

/* Options every command takes. */
#define CLI_COMMON_LONGOPTS                                                                        \
	{"db", required_argument, NULL, 'd'}, {"now", required_argument, NULL, 'N'},               \
	    {"help", no_argument, NULL, 'h'},                                                      \
	{                                                                                          \
		"filter", required_argument, NULL, 'f'                                             \
	}

struct cli_common {
	const char *db;
	const char *filter; /* --filter EXPR */
	bool help;
};

/* Filter words met among the options, in order. */
struct cli_words {
	char **words;
	int n;
	bool rest; /* after "--": everything is a word */
};

/* Handle a common option (from getopt_long). 1 handled, 0 not common,
 * -1 bad value (message printed). */
int cli_common_opt(struct cli_common *c, int opt, const char *arg);
/* "sitrep: MESSAGE\nTry 'sitrep CMD --help'." on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print err ("PATH: problem") on stderr, free it; returns EXIT_FAIL. */
int cli_fail(char *err);

/* Open the database to browse (db_default_path order), read-only. NULL
 * after printing the error. */
sqlite3 *cli_open_db(const char *db);
/* Compile --filter and the remaining words into *where. Prints the error
 * and returns EXIT_USAGE on a bad filter, else 0. */
int cli_filter(sqlite3 *db, const char *opt_filter, const struct cli_words *w,
	       struct sqlfrag *where);
/* The same, compiled for counting and grouping (filter_compile_count). */
int cli_filter_count(sqlite3 *db, const char *opt_filter, const struct cli_words *w,
		     struct sqlfrag *where);
/* The filter text of --filter and the words together. Caller frees. */
char *cli_filter_text(const char *opt_filter, const struct cli_words *w);
/* getopt_long for sitrep's commands: returns the next option (as
 * getopt_long does; optarg set), or -1 at the end. Words that are not
 * options are collected in w, in order, wherever they stand: filter terms,
 * including negated ones like -actor:Wagner (any word of more than two
 * characters that starts with a single '-'). Start with optind = 1 and a
 * zeroed w; free w->words after. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
	       struct cli_words *w);

/* Write through write(f, ctx, &err) to standard output, or with output
 * set (not "-") to that file, whole or not at all (outfile.h; replaced if
 * it exists, as sort -o does: the name is typed once, on the command line).
 * EXIT_OK, or EXIT_FAIL after printing the error. */
int cli_write_output(const char *output, int (*write)(FILE *f, void *ctx, char **err), void *ctx);

/* The notebook --with-notes reads (--notes FILE, else the database's own:
 * notebook_path_for): *nb, NULL when it does not exist yet (no marks). 0,
 * or -1 after saying why. */
struct notebook;
int cli_open_notebook(const char *db, const char *notes, struct notebook **nb);

/* Parse a positive whole number option. -1 if invalid. */
long long cli_parse_count(const char *s);

#endif
