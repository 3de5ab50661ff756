/* import_detect: format and generation from the header (see import_detect.h). */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "sitrep/import_detect.h"

bool import_is_native(const char *head, size_t n)
{
	static const char magic[] = "# sitrep-data";
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		n -= 3;
	}
	return n >= sizeof(magic) - 1 && memcmp(head, magic, sizeof(magic) - 1) == 0;
}

/* Header cell equal to name, ignoring case and surrounding blanks. */
static bool cell_is(const char *cell, size_t len, const char *name, size_t nlen)
{
	while (len && (*cell == ' ' || *cell == '\t')) {
		cell++;
		len--;
	}
	while (len && (cell[len - 1] == ' ' || cell[len - 1] == '\t' || cell[len - 1] == '\r'))
		len--;
	return len == nlen && strncasecmp(cell, name, nlen) == 0;
}

static int find(const struct csv_record *hdr, const char *names)
{
	const char *p = names;
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		for (size_t i = 0; i < hdr->nfields; i++)
			if (cell_is(hdr->fields[i], hdr->lengths[i], p, n))
				return (int)i;
		if (!bar)
			return -1;
		p = bar + 1;
	}
}

void import_columns(const struct csv_record *hdr, const char *const *names, size_t n, int *idx)
{
	for (size_t i = 0; i < n; i++)
		idx[i] = find(hdr, names[i]);
}

static bool has(const struct csv_record *hdr, const char *name)
{
	return find(hdr, name) >= 0;
}

bool import_acled_monadic(const struct csv_record *hdr)
{
	return has(hdr, "actor1") && (has(hdr, "inter1") || has(hdr, "assoc_actor_1")) &&
	       !has(hdr, "actor2") && !has(hdr, "assoc_actor_2") && !has(hdr, "inter2");
}

static enum import_format acled(const struct csv_record *hdr, struct import_kind *k)
{
	if (import_acled_monadic(hdr))
		k->layout = "ACLED monadic export (one row per actor)";
	else if (has(hdr, "disorder_type"))
		k->layout = "current ACLED layout (disorder_type)";
	else if (has(hdr, "sub_event_type"))
		k->layout = "ACLED layout with sub_event_type (31 columns)";
	else if (has(hdr, "ally_actor_1") || has(hdr, "gwno"))
		k->layout = "ACLED legacy layout (2016, upper case)";
	else
		k->layout = "ACLED 2019 export (data_id, 30 columns)";
	return k->format = IMPORT_ACLED;
}

enum import_format import_detect_header(const struct csv_record *hdr, struct import_kind *k)
{
	k->format = IMPORT_UNKNOWN;
	k->layout = "unknown";
	if (has(hdr, "event_id_cnty") && has(hdr, "event_date") && has(hdr, "actor1") &&
	    has(hdr, "fatalities"))
		return acled(hdr, k);
	if (has(hdr, "id") && has(hdr, "side_a") && has(hdr, "side_b") && has(hdr, "date_start") &&
	    has(hdr, "best")) {
		k->layout = has(hdr, "relid") ? "UCDP GED 23+ layout (49 columns)"
					      : "UCDP GED layout (42 columns)";
		return k->format = IMPORT_UCDP;
	}
	if (has(hdr, "osm_node_id") && has(hdr, "name") && has(hdr, "lat") && has(hdr, "lon")) {
		k->layout = "sitrep gazetteer";
		return k->format = IMPORT_PLACES;
	}
	return IMPORT_UNKNOWN;
}

static const char *const format_names[] = {
    [IMPORT_UNKNOWN] = "auto", [IMPORT_NATIVE] = "native", [IMPORT_PLACES] = "places",
    [IMPORT_ACLED] = "acled",  [IMPORT_UCDP] = "ucdp",
};

enum import_format import_format_parse(const char *name)
{
	for (size_t i = 1; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcasecmp(name, format_names[i]) == 0)
			return (enum import_format)i;
	return IMPORT_UNKNOWN;
}

const char *import_format_name(enum import_format f)
{
	return format_names[f];
}
