/* tui: the interactive browser's entry point. `sitrep [--db FILE] [FILTER]`
 * on a terminal calls tui_main; so does a headless run for tests:
 *   SITREP_SCRIPT=FILE     read input from a key script (keyscript.h)
 *   SITREP_NO_DISPLAY=1    send curses output to /dev/null (via newterm)
 *   LINES, COLUMNS         the screen size of a headless run
 *   SITREP_STEP_ROWS=N     a headless frequency view counts N rows a
 *                          step (to show a count under way), not all at once
 * with `:save-display FILE` in the script to write the screen as text. */
#ifndef SITREP_TUI_H
#define SITREP_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct tui_options {
	/* --db, or NULL: then $SITREP_DB, the config file's database, the
	 * bundled data set, in that order */
	const char *db_path;
	const char *filter_text;
	/* --context FILE...: layers shown over the browsed file (a sitrep
	 * database, or a file sitrep import reads, such as native text) */
	const char *const *contexts;
	size_t ncontexts;
	bool no_context;        /* --no-context: not even the bundled one */
	bool with_context;      /* --with-context: the bundled one even if the config says not */
	const char *notes_path; /* --notes FILE; NULL: the database's own notebook */
};

/* Returns the process's exit status (0; 1 on an error already reported on
 * stderr; 2 for a bad filter or script; 128+N after signal N). */
int tui_main(const struct tui_options *o);

#endif
