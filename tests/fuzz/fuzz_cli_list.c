/* fuzz_cli_list: sitrep list's rows in every format (see fuzz_cli.h). */
#include "../../src/cli/cmd_list.c"
#include "fuzz_cli.h"

void fuzz_cli_list(sqlite3 *db)
{
	struct sqlfrag where;
	sqlfrag_init(&where);
	struct layer_set ls;
	layer_set_init(&ls);
	for (int f = OUT_TABLE; f <= OUT_JSON; f++) {
		struct list_opts lo = {.format = (enum out_format)f, .limit = -1, .ls = &ls};
		columns_shown(&lo);
		run(db, &where, &lo, NULL);
		lo.reverse = true;
		run(db, &where, &lo, NULL);
	}
	layer_set_free(&ls);
	sqlfrag_free(&where);
}
