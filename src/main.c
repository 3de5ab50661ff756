/* sitrep: a terminal timeline browser for conflict-event data. */
#include "config.h"

#include "sitrep/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
