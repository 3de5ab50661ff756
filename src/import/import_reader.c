/* import_reader: the table of import formats (see import_reader.h). A
 * new format is its file, defining its struct import_reader, and its line
 * in each list here. Detection tries them in this order: the formats told by their
 * first bytes, then the CSV layouts, the generic CSV last. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sitrep/import_reader.h"

/* clang-format off: one line a format */
extern const struct import_reader import_reader_native; /* import_native.c */
extern const struct import_reader import_reader_places; /* import_places.c */
extern const struct import_reader import_reader_acled;  /* import_acled.c */
extern const struct import_reader import_reader_ucdp;   /* import_ucdp.c */
extern const struct import_reader import_reader_table;  /* import_table.c */

const struct import_reader *const import_readers[] = {
    &import_reader_native,
    &import_reader_places,
    &import_reader_acled,
    &import_reader_ucdp,
    &import_reader_table, /* last: any CSV with a date column */
    NULL,
};
/* clang-format on */

const struct import_reader *import_reader_find(const char *name)
{
	for (const struct import_reader *const *r = import_readers; *r; r++)
		if (strcasecmp((*r)->name, name) == 0)
			return *r;
	return NULL;
}

const struct import_reader *import_reader_detect(const struct import_probe *p, char *layout,
						 size_t n)
{
	for (const struct import_reader *const *r = import_readers; *r; r++)
		if ((*r)->detect(p, layout, n))
			return *r;
	snprintf(layout, n, "unknown");
	return NULL;
}

void import_reader_names(char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (const struct import_reader *const *r = import_readers; *r && len < n; r++)
		len += (size_t)snprintf(out + len, n - len, "%s%s", r == import_readers ? "" : ", ",
					(*r)->name);
}

void import_reader_help(FILE *f)
{
	for (const struct import_reader *const *r = import_readers; *r; r++)
		fprintf(f, "      %-8s %s\n", (*r)->name, (*r)->help);
}
