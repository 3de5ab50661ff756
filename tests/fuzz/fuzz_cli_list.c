/* fuzz_cli_list: sitrep list's rows in every format (see fuzz_cli.h). */
#include "../../src/cli/cmd_list.c"
#include "fuzz_cli.h"

void fuzz_cli_list(sqlite3 *db)
{
	struct sqlfrag where;
	sqlfrag_init(&where);
	for (int f = OUT_TABLE; f <= OUT_JSON; f++) {
		struct list_opts lo = {.format = (enum out_format)f, .limit = -1};
		run(db, &where, &lo);
		lo.reverse = true;
		run(db, &where, &lo);
	}
	sqlfrag_free(&where);
}
