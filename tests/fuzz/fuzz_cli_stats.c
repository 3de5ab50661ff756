/* fuzz_cli_stats: sitrep stats by every grouping (see fuzz_cli.h). */
#include "../../src/cli/cmd_stats.c"
#include "fuzz_cli.h"

void fuzz_cli_stats(sqlite3 *db)
{
	struct sqlfrag where;
	sqlfrag_init(&where);
	for (size_t g = 0; g < ARRAY_SIZE(groupings); g++)
		for (int f = OUT_TABLE; f <= OUT_JSON; f++)
			run(db, &groupings[g], &where, (enum out_format)f, f & 1);
	sqlfrag_free(&where);
}
