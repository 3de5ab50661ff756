/* import_detect: format and generation from the header (see import_detect.h). */
#include "config.h"

#include <stdio.h>
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

/* dBASE, and so a shapefile's attribute table, holds names of at most ten
 * characters: GDAL cuts "geo_precision" to GEO_PRECIS. */
#define DBASE_NAME_MAX 10

/* The cell is name cut to dBASE's ten characters. Not for a numbered
 * name ("assoc_actor_2"): the cut of the second of two names sharing ten
 * characters is renamed (ASSOC_AC_1), and is listed as such. */
static bool cell_is_cut(const char *cell, size_t len, const char *name, size_t nlen)
{
	return nlen > DBASE_NAME_MAX && !(name[nlen - 1] >= '0' && name[nlen - 1] <= '9') &&
	       cell_is(cell, len, name, DBASE_NAME_MAX);
}

bool import_cell_names(const char *cell, size_t len, const char *name)
{
	size_t n = strlen(name);
	return cell_is(cell, len, name, n) || cell_is_cut(cell, len, name, n);
}

static int find(const struct csv_record *hdr, const char *names)
{
	for (int cut = 0; cut < 2; cut++) { /* the names as such first */
		const char *p = names;
		for (;;) {
			const char *bar = strchr(p, '|');
			size_t n = bar ? (size_t)(bar - p) : strlen(p);
			for (size_t i = 0; i < hdr->nfields; i++)
				if (cut ? cell_is_cut(hdr->fields[i], hdr->lengths[i], p, n)
					: cell_is(hdr->fields[i], hdr->lengths[i], p, n))
					return (int)i;
			if (!bar)
				break;
			p = bar + 1;
		}
	}
	return -1;
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

/* The header writes the column named name in upper case (ACLED's 2016
 * files did; the same names re-saved by R or pandas often are not). */
static bool upper_case(const struct csv_record *hdr, const char *name)
{
	int i = find(hdr, name);
	if (i < 0)
		return false;
	for (size_t k = 0; k < hdr->lengths[i]; k++)
		if (hdr->fields[i][k] >= 'a' && hdr->fields[i][k] <= 'z')
			return false;
	return true;
}

bool import_acled_monadic(const struct csv_record *hdr)
{
	return has(hdr, "actor1") && (has(hdr, "inter1") || has(hdr, ACLED_ASSOC1)) &&
	       !has(hdr, "actor2") && !has(hdr, ACLED_ASSOC2) && !has(hdr, "inter2");
}

const char *const import_acled_required[] = {ACLED_ID, "event_date", "actor1", "fatalities", NULL};
const char *const import_ucdp_required[] = {"id", "side_a", "side_b", "date_start", "best", NULL};

bool import_has_all(const struct csv_record *hdr, const char *const *names)
{
	for (; *names; names++)
		if (!has(hdr, *names))
			return false;
	return true;
}

size_t import_header_width(const struct csv_record *hdr)
{
	size_t w = hdr->nfields;
	while (w > 0 && hdr->lengths[w - 1] == 0)
		w--;
	return w;
}

bool import_detect_acled(const struct csv_record *hdr, char *layout, size_t n)
{
	if (!import_has_all(hdr, import_acled_required))
		return false;
	const char *what;
	if (import_acled_monadic(hdr))
		what = "ACLED monadic export (one row per actor";
	else if (has(hdr, "disorder_type"))
		what = "current ACLED layout (disorder_type";
	else if (has(hdr, "sub_event_type"))
		what = "ACLED layout with sub_event_type (";
	else if (has(hdr, "ally_actor_1") || has(hdr, "gwno"))
		what = upper_case(hdr, ACLED_ID) ? "ACLED legacy layout (2016, upper case"
						 : "ACLED legacy layout (2016, lower case";
	else if (has(hdr, "data_id"))
		what = "ACLED 2019 export (data_id";
	else /* trimmed: the columns ACLED needs and few others */
		what = "ACLED layout (";
	size_t len = strlen(what);
	snprintf(layout, n, "%s%s%zu columns)", what, what[len - 1] == '(' ? "" : ", ",
		 import_header_width(hdr));
	return true;
}

bool import_detect_ucdp(const struct csv_record *hdr, char *layout, size_t n)
{
	if (!import_has_all(hdr, import_ucdp_required))
		return false;
	snprintf(layout, n, "%s (%zu columns)",
		 has(hdr, "relid") ? "UCDP GED 23+ layout" : "UCDP GED layout",
		 import_header_width(hdr));
	return true;
}

bool import_detect_places(const struct csv_record *hdr, char *layout, size_t n)
{
	if (!(has(hdr, "osm_node_id") && has(hdr, "name") && has(hdr, "lat") && has(hdr, "lon")))
		return false;
	snprintf(layout, n, "gazetteer");
	return true;
}
