/* import_table: any analyst's CSV of events, when no other reader knows
 * its header: an export trimmed or edited (event_date, location,
 * latitude, longitude, fatalities, notes), or a table of one's own whose
 * columns --map names. It needs a date column; every column it knows by
 * ACLED's names is read as the ACLED reader reads it, the others are kept
 * in the event's extra fields. Without an id column (event_id_cnty or
 * data_id) each row's id is a hash of its content, the event's origin
 * "csv": the same file imported again changes nothing. */
#include "config.h"

#include <stdio.h>

#include "import_csv.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_reader.h"

static const char *const required[] = {"event_date|date", NULL};
static const char *const ids[] = {ACLED_ID "|data_id", NULL};

static bool detect(const struct import_probe *p, char *layout, size_t n)
{
	if (!p->hdr || !import_has_all(p->hdr, required))
		return false;
	snprintf(layout, n, "a table of events, %zu columns%s", import_header_width(p->hdr),
		 import_has_all(p->hdr, ids) ? "" : ", ids from each row's content");
	return true;
}

static int run(struct import_ctx *ctx, struct import_source *src)
{
	return import_acled_rows(ctx, src->csv, true);
}

const struct import_reader import_reader_table = {
    .name = "csv",
    .help = "any table of events with a date column, ACLED's names (see --map)",
    .csv = true,
    .required = required,
    .detect = detect,
    .run = run,
};
