/* sitrep import: the one command that writes. Each file is read inside
 * one transaction, so a file either lands whole or not at all; the work
 * per file is import_file's. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/import_file.h"
#include "sitrep/import_map.h"
#include "sitrep/import_reader.h"
#include "sitrep/store.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf("Usage: sitrep import [--db FILE] [OPTION]... FILE...\n"
	       "Read event files into the sitrep database FILE, creating it when missing.\n"
	       "Each input file is read in one transaction: it lands whole or not at all.\n"
	       "Importing the same file again changes nothing; a newer version of a row\n"
	       "updates it, an older one is kept out. FILE - is standard input.\n\n"
	       "  -d, --db FILE        the database to write (default: $SITREP_DB)\n"
	       "  -F, --format FORMAT  auto (default: by the header), or one of the formats\n"
	       "                       below\n"
	       "  -s, --strict         stop at the first bad row (the file is not imported)\n"
	       "      --map NAME=COLUMN[,...]  read the file's column COLUMN as NAME (a name of\n"
	       "                       ACLED's: event_date, location, latitude, notes, ...)\n"
	       "      --replace        a row replaces its event even when older than the one\n"
	       "                       stored (by ACLED timestamp or UCDP GED version)\n"
	       "  -q, --quiet          print nothing but errors\n"
	       "      --journal MODE   wal (what a new database gets: readers never wait for\n"
	       "                       an import) or rollback (for a file to be installed\n"
	       "                       where its readers cannot write, which WAL needs)\n"
	       "      --recover        roll back what an interrupted import left half-written\n"
	       "                       (the database opens for writing, which does that)\n"
	       "  -h, --help           show this help and exit\n\n"
	       "Formats:\n");
	import_reader_help(stdout);
	printf("\n"
	       "A file that is not valid UTF-8 is read as Windows-1252. Bad rows are reported\n"
	       "as FILE:LINE: reason and skipped. A database created for files that all\n"
	       "fail is removed again. See IMPORT in sitrep(1).\n");
}

int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'd'},  {"format", required_argument, NULL, 'F'},
	    {"strict", no_argument, NULL, 's'},    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},      {"recover", no_argument, NULL, 'R'},
	    {"replace", no_argument, NULL, 'P'},   {"journal", required_argument, NULL, 'J'},
	    {"map", required_argument, NULL, 'M'}, {NULL, 0, NULL, 0}};
	int journal = -1; /* enum db_journal, or -1: as the file has it */
	struct import_file_opts o = {.format = IMPORT_UNKNOWN};
	const char *db = NULL;
	char *err = NULL;
	bool help = false, recover = false;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "d:F:sqh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			db = optarg;
			break;
		case 's':
			o.strict = true;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'h':
			help = true;
			break;
		case 'R':
			recover = true;
			break;
		case 'P':
			o.replace = true;
			break;
		case 'M':
			if (import_map_check(optarg, &err) < 0) {
				int rc = cli_usage_error("import", "%s", err);
				free(err);
				return rc;
			}
			o.map = optarg;
			break;
		case 'J':
			if (strcmp(optarg, "wal") == 0)
				journal = DB_JOURNAL_WAL;
			else if (strcmp(optarg, "rollback") == 0)
				journal = DB_JOURNAL_ROLLBACK;
			else
				return cli_usage_error(
				    "import", "--journal: expected wal or rollback, not '%s'",
				    optarg);
			break;
		case 'F':
			if (strcmp(optarg, "auto") == 0) {
				o.format = IMPORT_UNKNOWN;
			} else if (!(o.format = import_reader_find(optarg))) {
				char names[256];
				import_reader_names(names, sizeof(names));
				return cli_usage_error("import",
						       "--format: expected auto, %s, not '%s'",
						       names, optarg);
			}
			break;
		default:
			return cli_usage_error("import", "bad usage");
		}
	}
	if (help) {
		usage();
		return EXIT_OK;
	}
	if (!db)
		db = getenv("SITREP_DB");
	if (!db || !*db)
		return cli_usage_error("import", "which database? give --db FILE");
	if (optind >= argc && !recover)
		return cli_usage_error("import", "no file to import (- reads standard input)");
	if (recover && access(db, F_OK) != 0)
		return cli_fail(xasprintf("%s: %s", db, strerror(errno)));
	/* A database this command creates and nothing lands in is not left
	 * behind: "sitrep import --db new.db typo.csv" leaves no new.db. */
	struct stat st;
	bool created = lstat(db, &st) != 0 && errno == ENOENT;
	int landed = 0;
	struct store *s = store_open(db, &err); /* a hot journal rolls back here */
	if (!s) {
		/* the schema could not be written (a full disk): no empty file */
		if (created)
			unlink(db);
		return cli_fail(err);
	}
	if (journal >= 0 && db_set_journal(store_db(s), journal, db, &err) < 0) {
		store_close(s);
		if (created)
			unlink(db);
		return cli_fail(err);
	}
	if (recover && optind >= argc && !o.quiet)
		message_(stdout, "%s: ready; nothing half-written is left\n", db);
	import_catch_signals();
	int status = EXIT_OK;
	for (int i = optind; i < argc && !import_interrupted(); i++) {
		if (import_path(s, &o, argv[i]) < 0)
			status = EXIT_FAIL;
		else
			landed++;
	}
	store_close(s);
	if (created && landed == 0)
		unlink(db);
	return import_interrupted() ? 130 : status;
}
