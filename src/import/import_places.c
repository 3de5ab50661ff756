/* import_places: the gazetteer CSV (osm_node_id,name,name_en,place_type,
 * lat,lon,population), as extracted from OpenStreetMap. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/csv.h"
#include "sitrep/import.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_reader.h"
#include "sitrep/util.h"

static const char *const columns[] = {"osm_node_id", "name", "name_en",   "place_type",
				      "lat",         "lon",  "population"};
enum { C_OSM, C_NAME, C_NAME_EN, C_KIND, C_LAT, C_LON, C_POP, C_COUNT };

static int parse_real(const char *s, double *out)
{
	char *end;
	errno = 0;
	*out = strtod(s, &end);
	return errno || end == s || *end ? -1 : 0;
}

static long long parse_opt_int(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	return *s && !*end && v >= 0 ? v : -1;
}

static int place_row(struct import_ctx *ctx, const struct csv_record *rec, const int *col)
{
	const char *f[C_COUNT];
	for (int i = 0; i < C_COUNT; i++)
		f[i] = (size_t)col[i] < rec->nfields ? rec->fields[col[i]] : "";
	double lat, lon;
	if (!*f[C_NAME])
		return import_bad(ctx, rec->line, "place without a name");
	if (parse_real(f[C_LAT], &lat) < 0 || parse_real(f[C_LON], &lon) < 0 || lat < -90 ||
	    lat > 90 || lon < -180 || lon > 180)
		return import_bad(ctx, rec->line, "bad coordinates '%s, %s'", f[C_LAT], f[C_LON]);
	char *err = NULL;
	if (store_place(ctx->store, f[C_NAME], *f[C_NAME_EN] ? f[C_NAME_EN] : NULL, f[C_KIND], NULL,
			lat, lon, parse_opt_int(f[C_POP]), parse_opt_int(f[C_OSM]), &err) < 0) {
		fprintf(ctx->msg, "%s:%lu: %s\n", ctx->file, rec->line, err);
		free(err);
		ctx->failed = true;
		return -1;
	}
	ctx->stats.other++;
	return 0;
}

int import_places(struct import_ctx *ctx, FILE *in)
{
	struct csv_reader *r = csv_open(in, ',');
	struct csv_record rec;
	int col[C_COUNT], rc = csv_read(r, &rec);
	if (rc <= 0) {
		fprintf(ctx->msg, "%s: %s\n", ctx->file, rc < 0 ? csv_error(r) : "empty file");
		csv_close(r);
		ctx->failed = true;
		return -1;
	}
	for (int i = 0; i < C_COUNT; i++) {
		col[i] = -1;
		for (size_t j = 0; j < rec.nfields; j++)
			if (strcasecmp(rec.fields[j], columns[i]) == 0)
				col[i] = (int)j;
		if (col[i] < 0 && i != C_NAME_EN && i != C_POP && i != C_OSM && i != C_KIND) {
			fprintf(ctx->msg, "%s:1: gazetteer without a '%s' column\n", ctx->file,
				columns[i]);
			csv_close(r);
			ctx->failed = true;
			return -1;
		}
	}
	while ((rc = csv_read(r, &rec)) > 0)
		if (place_row(ctx, &rec, col) < 0)
			break;
	if (rc < 0)
		fprintf(ctx->msg, "%s: %s\n", ctx->file, csv_error(r));
	csv_close(r);
	if (rc < 0 || ctx->failed) {
		ctx->failed = true;
		return -1;
	}
	return 0;
}

/* By its first bytes: the gazetteer's header is not read as CSV records
 * here, the reader reads the file itself. */
static bool detect(const struct import_probe *p, char *layout, size_t n)
{
	if (!(p->nhead > 0 && memmem(p->head, p->nhead, "osm_node_id", 11)) &&
	    !(p->hdr && import_detect_places(p->hdr, layout, n)))
		return false;
	snprintf(layout, n, "gazetteer");
	return true;
}

static int run(struct import_ctx *ctx, struct import_source *src)
{
	return import_places(ctx, src->f);
}

const struct import_reader import_reader_places = {
    .name = "places",
    .help = "the gazetteer CSV (osm_node_id, name, lat, lon, ...)",
    .detect = detect,
    .run = run,
};
