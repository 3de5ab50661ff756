/* sitrep: a terminal timeline browser for conflict-event data. */
#include "config.h"

#include <sqlite3.h>

#include "sitrep/cli.h"

int main(int argc, char **argv)
{
	/* SQLite counts the memory it allocates under one global lock, which
	 * the two threads of a big import would otherwise contend for; sitrep
	 * never reads those counts. Must come before any other SQLite call. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	return cli_main(argc, argv);
}
