/* cli_layers: the commands' --context options (see cli_layers.h). */
#include "config.h"

#include <stdlib.h>

#include "sitrep/cli_layers.h"
#include "sitrep/context_layers.h"
#include "sitrep/filter.h"
#include "sitrep/util.h"

int cli_layer_opt(struct cli_layers *l, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_CONTEXT:
		l->files = xrealloc(l->files, (l->n + 1) * sizeof *l->files);
		l->files[l->n++] = arg;
		return 1;
	case CLI_OPT_WITH_CONTEXT:
		l->bundled = true;
		return 1;
	case CLI_OPT_NO_CONTEXT:
		l->bundled = false;
		l->n = 0;
		return 1;
	}
	return 0;
}

void cli_layers_free(struct cli_layers *l)
{
	free(l->files);
	l->files = NULL;
	l->n = 0;
}

bool cli_layers_wanted(const struct cli_layers *l)
{
	return l->bundled || l->n > 0;
}

struct adding {
	struct layer_set *ls;
	sqlite3 *db;
	const struct filter_node *tree;
};

static int add(void *ctx, const char *name, const char *path, enum layer_scope scope, char **err)
{
	struct adding *a = ctx;
	return layer_set_add(a->ls, name, path, scope, a->db, a->tree, err);
}

int cli_open_layers(const struct cli_layers *l, struct layer_set *ls, sqlite3 *db,
		    const char *opt_filter, const struct cli_words *w)
{
	if (!cli_layers_wanted(l))
		return EXIT_OK;
	char *text = cli_filter_text(opt_filter, w);
	struct filter_node *tree = NULL;
	struct filter_error ferr;
	int rc = filter_parse(text, &tree, &ferr); /* it compiled on db: it parses */
	free(text);
	if (rc != 0)
		return EXIT_FAIL;
	const char *path = sqlite3_db_filename(db, "main");
	struct adding a = {ls, db, tree};
	rc = context_layers_open(add, &a, path ? path : "", l->bundled, l->files, l->n);
	filter_free(tree);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
