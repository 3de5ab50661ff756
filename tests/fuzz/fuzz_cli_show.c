/* fuzz_cli_show: sitrep show's text and JSON writers (see fuzz_cli.h). */
#include "../../src/cli/cmd_show.c"
#include "fuzz_cli.h"

FILE *fuzz_cli_null;

void fuzz_cli_setup(void)
{
	fuzz_cli_null = fopen("/dev/null", "w");
	if (!fuzz_cli_null || !freopen("/dev/null", "w", stdout))
		abort();
}

void fuzz_cli_show(sqlite3 *db, long long id)
{
	struct event_record r;
	char *err = NULL;
	if (event_record_load(db, id, &r, &err) == 0) {
		char *extra = load_extra(db, id);
		show_text(&r, extra);
		show_json(&r, extra);
		free(extra);
		event_record_free(&r);
	}
	free(err);
}
