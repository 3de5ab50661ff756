/* cli: option handling and dispatch (see cli.h). */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sitrep/cli.h"
#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "sitrep/message.h"
#include "sitrep/notebook.h"
#include "sitrep/outfile.h"
#include "sitrep/tui.h"
#include "sitrep/util.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

/* commands */
static const struct command commands[] = {
    {"list", cmd_list, "print the timeline"},
    {"show", cmd_show, "print one event's whole record"},
    {"stats", cmd_stats, "counts and fatalities by year, month, type, actor or region"},
    {"count", cmd_count, "print the number of events a filter matches"},
    {"import", cmd_import, "read ACLED, UCDP GED, sitrep text or gazetteer files into a database"},
    {"export", cmd_export, "write the filtered events as CSV, TSV, JSON, ACLED or sitrep text"},
    {"schema", cmd_schema, "print the database schema as SQL"},
    {"notes", cmd_notes, "list, export or merge the stars, tags and notes of a notebook"},
    {"map", cmd_map, "print the filtered events on a text map"},
    {"brief", cmd_brief, "write a Markdown report of the filtered events"},
    {"sql", cmd_sql, "run one read-only SQL statement on the database"},
};

static void help(void)
{
	printf("Usage: sitrep [OPTION]... [FILTER]...\n"
	       "   or: sitrep COMMAND [OPTION]... [ARG]...\n"
	       "Browse a timeline of conflict events, incidents and context events together.\n"
	       "With no COMMAND, open the timeline in the terminal (the TUI); when standard\n"
	       "output is not a terminal, print it as 'sitrep list' does.\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		printf("  %-8s  %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n"
	       "  -d, --db FILE      the database to open; default $SITREP_DB, else the\n"
	       "                     bundled Mali data set\n"
	       "  -f, --filter EXPR  show only events matching EXPR; FILTER words add to it\n"
	       "      --now DATE     take DATE (YYYY-MM-DD) as today for relative dates;\n"
	       "                     'latest': the newest event's date\n"
	       "      --context FILE show FILE's events over the timeline as a layer (a\n"
	       "                     sitrep database, or a file 'sitrep import' reads);\n"
	       "                     repeatable\n"
	       "      --no-context   without the bundled data set's context events, which\n"
	       "                     otherwise show over a file whose countries they cover\n"
	       "      --with-context with them, even where the config turns them off\n"
	       "                     (when printing as 'sitrep list', layers are shown\n"
	       "                     only when asked for with --with-context or --context)\n"
	       "      --notes FILE   keep stars, tags and notes in FILE instead of the\n"
	       "                     database's own notebook (see 'sitrep notes')\n"
	       "  -h, --help         show this help and exit\n"
	       "  -V, --version      show the version and exit\n\n"
	       "'sitrep COMMAND --help' describes a command. Filters, keys, the database\n"
	       "schema and the data set's sources are in sitrep(1).\n\n"
	       "Examples:\n"
	       "  sitrep                              browse the bundled Mali data set\n"
	       "  sitrep actor:JNIM since:2022        only JNIM (also GSIM) since 2022\n"
	       "  sitrep list --format csv kind:context\n"
	       "  sitrep show 3\n"
	       "  sitrep import --db acled.db export.csv && sitrep --db acled.db\n");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	warnx_("%s", msg);
	message_(stderr, "Try 'sitrep%s%s --help' for more information.\n", cmd ? " " : "",
		 cmd ? cmd : "");
	free(msg);
	return EXIT_USAGE;
}

int cli_fail(char *err)
{
	warnx_("%s", err ? err : "failed");
	free(err);
	return EXIT_FAIL;
}

int cli_common_opt(struct cli_common *c, int opt, const char *arg)
{
	struct date_span d;
	switch (opt) {
	case 'd':
		c->db = arg;
		return 1;
	case 'f':
		c->filter = arg;
		return 1;
	case 'h':
		c->help = true;
		return 1;
	case 'N':
		if (strcmp(arg, DATE_NOW_LATEST) != 0 && date_parse_iso(arg, &d) < 0) {
			warnx_("--now: not a date (YYYY-MM-DD) or 'latest': '%s'", arg);
			return -1;
		}
		setenv("SITREP_NOW", arg, 1);
		return 1;
	}
	return 0;
}

int cli_write_output(const char *output, int (*write)(FILE *f, void *ctx, char **err), void *ctx)
{
	char *err = NULL;
	struct outfile out = {.f = stdout};
	bool to_file = output && strcmp(output, "-") != 0;
	if (to_file && outfile_open(&out, output, true, &err) < 0)
		return cli_fail(err);
	if (write(out.f, ctx, &err) < 0) {
		if (to_file)
			outfile_close(&out, false, NULL);
		return cli_fail(err);
	}
	if (to_file && outfile_close(&out, true, &err) < 0)
		return cli_fail(err); /* it names the file */
	return EXIT_OK;
}

long long cli_parse_count(const char *s)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	return v;
}

sqlite3 *cli_open_db(const char *path)
{
	char *err = NULL;
	const char *file = db_default_path(path);
	sqlite3 *db = db_open_ro(file, &err);
	if (!db) {
		cli_fail(err);
		return NULL;
	}
	/* the analyst's marks, when there are any, for starred, tag: and note: */
	char *notes = notebook_path_for(NULL, file);
	if (notes && access(notes, F_OK) == 0 && notebook_attach(db, notes, &err) != 0) {
		warnx_("notebook %s (marks are not read)", err);
		free(err);
	}
	free(notes);
	return db;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
	       struct cli_words *w)
{
	while (optind < argc) {
		const char *a = argv[optind];
		if (!w->rest && strcmp(a, "--") == 0) {
			w->rest = true;
			optind++;
			continue;
		}
		bool word =
		    w->rest || a[0] != '-' || a[1] == '\0' || (a[1] != '-' && strlen(a) > 2);
		if (!word) {
			char opts[64];
			snprintf(opts, sizeof(opts), "+:%s", shortopts);
			int opt = getopt_long(argc, argv, opts, longopts, NULL);
			if (opt == ':') {
				warnx_("option '%s' needs a value", a);
				return '?';
			}
			if (opt == '?') {
				warnx_("unknown option '%s'", a);
				return '?';
			}
			return opt;
		}
		w->words = xrealloc(w->words, (size_t)(w->n + 1) * sizeof(*w->words));
		w->words[w->n++] = argv[optind++];
	}
	return -1;
}

char *cli_filter_text(const char *opt_filter, const struct cli_words *w)
{
	char *words = filter_join_args(w->n, w->words);
	char *text = opt_filter && *words ? xasprintf("(%s) %s", opt_filter, words)
		     : opt_filter         ? xstrdup(opt_filter)
					  : xstrdup(words);
	free(words);
	return text;
}

typedef int (*compile_fn)(sqlite3 *, const char *, struct sqlfrag *, struct filter_error *);

static int compile_words(sqlite3 *db, const char *opt_filter, const struct cli_words *w,
			 struct sqlfrag *where, compile_fn compile)
{
	char *text = cli_filter_text(opt_filter, w);
	struct filter_error ferr = {0};
	int rc = compile(db, text, where, &ferr);
	free(text);
	if (rc < 0) {
		char buf[512];
		filter_error_format(&ferr, buf, sizeof(buf));
		warnx_("%s", buf);
		return EXIT_USAGE;
	}
	if (ferr.note[0])
		warnx_("note: %s", ferr.note);
	return 0;
}

int cli_filter(sqlite3 *db, const char *opt_filter, const struct cli_words *w,
	       struct sqlfrag *where)
{
	return compile_words(db, opt_filter, w, where, filter_compile);
}

int cli_filter_count(sqlite3 *db, const char *opt_filter, const struct cli_words *w,
		     struct sqlfrag *where)
{
	return compile_words(db, opt_filter, w, where, filter_compile_count);
}

/* No command: the TUI on a terminal, else the list. */
static int browse(int argc, char **argv)
{
	enum { OPT_CONTEXT = 256, OPT_NO_CONTEXT, OPT_WITH_CONTEXT, OPT_NOTES };
	static const struct option longopts[] = {
	    CLI_COMMON_LONGOPTS,
	    {"version", no_argument, NULL, 'V'},
	    {"context", required_argument, NULL, OPT_CONTEXT},
	    {"no-context", no_argument, NULL, OPT_NO_CONTEXT},
	    {"with-context", no_argument, NULL, OPT_WITH_CONTEXT},
	    {"notes", required_argument, NULL, OPT_NOTES},
	    {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	struct tui_options t = {0};
	const char **contexts = xcalloc((size_t)argc + 1, sizeof *contexts);
	int opt;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:hV", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);
		if (rc > 0)
			continue;
		if (opt == OPT_CONTEXT) {
			contexts[t.ncontexts++] = optarg;
			continue;
		}
		if (opt == OPT_NO_CONTEXT || opt == OPT_WITH_CONTEXT) {
			t.no_context = opt == OPT_NO_CONTEXT;
			t.with_context = opt == OPT_WITH_CONTEXT;
			continue;
		}
		if (opt == OPT_NOTES) {
			t.notes_path = optarg;
			continue;
		}
		free(w.words);
		free(contexts);
		if (rc < 0)
			return EXIT_USAGE;
		if (opt == 'V') {
			printf("sitrep %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		}
		return cli_usage_error(NULL, "bad usage");
	}
	if (c.help) {
		free(w.words);
		free(contexts);
		help();
		return EXIT_OK;
	}
	bool scripted = getenv("SITREP_SCRIPT") && *getenv("SITREP_SCRIPT");
	if (!isatty(STDOUT_FILENO) && !scripted) {
		free(w.words);
		free(contexts);
		/* the list reads --context and --no-context itself */
		if (t.notes_path)
			return cli_usage_error(NULL, "--notes is for the TUI; standard output is "
						     "not a terminal");
		optind = 1;
		return cmd_list(argc, argv);
	}
	/* tui */
	char *text = cli_filter_text(c.filter, &w);
	free(w.words);
	t.db_path = c.db;
	t.filter_text = text;
	t.contexts = contexts;
	int status = tui_main(&t);
	free(text);
	free(contexts);
	return status;
}

/* Every command's output ends here: one whose write failed (a full disk,
 * /dev/full) must not exit 0. Commands that check their own say so first
 * and return non-zero; this catches the rest (show, stats, help...). */
static int output_checked(int status)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && status == EXIT_OK)
		return cli_fail(xstrdup("write error on standard output"));
	return status;
}

static int dispatch(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Global options may come before the command: sitrep --db F list. */
	int i = 1;
	while (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0) {
		bool takes_value = strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "-d") == 0 ||
				   strcmp(argv[i], "--now") == 0 ||
				   strcmp(argv[i], "--filter") == 0 || strcmp(argv[i], "-f") == 0;
		i += takes_value ? 2 : 1;
	}
	if (i < argc) {
		for (size_t k = 0; k < ARRAY_SIZE(commands); k++) {
			if (strcmp(argv[i], commands[k].name) != 0)
				continue;
			/* Move the global options after the command name, where
			 * the command's own parser sees them. */
			char **args = xcalloc((size_t)argc + 1, sizeof(*args));
			int n = 0;
			args[n++] = argv[i];
			for (int j = 1; j < i; j++)
				args[n++] = argv[j];
			for (int j = i + 1; j < argc; j++)
				args[n++] = argv[j];
			optind = 1;
			int status = commands[k].run(n, args);
			free(args);
			return status;
		}
		if (strcmp(argv[i], "help") == 0) {
			help();
			return EXIT_OK;
		}
	}
	return browse(argc, argv);
}

int cli_main(int argc, char **argv)
{
	message_install(); /* every message is sanitised: they quote files */
	return output_checked(dispatch(argc, argv));
}

/* The notebook --with-notes reads: *nb, NULL when it does not exist yet
 * (no marks: the brief lists none). 0, or -1 after saying why. */
int cli_open_notebook(const char *db, const char *notes, struct notebook **nb)
{
	char *path = notebook_path_for(notes, db_default_path(db));
	char *err = NULL;
	*nb = NULL;
	if (!path) {
		cli_fail(xstrdup("no notebook: no home directory (give --notes FILE)"));
		return -1;
	}
	*nb = notebook_open(path, false, &err);
	free(path);
	if (!*nb && err) {
		cli_fail(err);
		return -1;
	}
	return 0;
}
