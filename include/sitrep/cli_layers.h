/* cli_layers: --context FILE and --with-context for the commands that read
 * layers (list, count). The TUI shows the bundled data set's context
 * events over any file by default; a command reads the file alone unless
 * asked, so that a script counting an imported export gets what the file
 * holds. With layers on, a command sees what the TUI does: their events
 * join the file's in timeline order, matched by the same filter. */
#ifndef SITREP_CLI_LAYERS_H
#define SITREP_CLI_LAYERS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/cli.h"
#include "sitrep/layer_set.h"

enum { CLI_OPT_CONTEXT = 0x1000, CLI_OPT_WITH_CONTEXT, CLI_OPT_NO_CONTEXT };

#define CLI_LAYER_LONGOPTS                                                                         \
	{"context", required_argument, NULL, CLI_OPT_CONTEXT},                                     \
	    {"with-context", no_argument, NULL, CLI_OPT_WITH_CONTEXT},                             \
	{                                                                                          \
		"no-context", no_argument, NULL, CLI_OPT_NO_CONTEXT                                \
	}

/* The options' help lines, for a command's usage text. */
#define CLI_LAYER_HELP                                                                             \
	"      --with-context   add the bundled data set's context events in the\n"                \
	"                       file's countries, as the TUI shows them\n"                         \
	"      --context FILE   add FILE's events (a sitrep database or any file\n"                \
	"                       `sitrep import` reads); repeatable\n"                              \
	"      --no-context     the file alone (the default)\n"

struct cli_layers {
	const char **files; /* --context FILE..., in order */
	size_t n;
	bool bundled; /* --with-context */
};

/* Handle a layer option: 1 handled, 0 not one of them. */
int cli_layer_opt(struct cli_layers *l, int opt, const char *arg);
void cli_layers_free(struct cli_layers *l);
bool cli_layers_wanted(const struct cli_layers *l);

/* Open the layers l asks for over db, filtered by the filter of
 * --filter and w (already checked to compile on db). EXIT_OK, or
 * EXIT_FAIL after saying why on stderr. */
int cli_open_layers(const struct cli_layers *l, struct layer_set *ls, sqlite3 *db,
		    const char *opt_filter, const struct cli_words *w);

#endif
