/* filter_id: origin ids in id: (see filter_id.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "filter_id.h"
#include "sitrep/util.h"

bool filter_id_is_origin(const char *text)
{
	for (const char *p = text; *p; p++)
		if (*p == ':' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			return true;
	return false;
}

void filter_id_emit(struct sqlfrag *out, const char *text)
{
	const char *colon = strchr(text, ':');
	if (!colon) {
		sqlfrag_sql(out, "e.origin_id = ");
		sqlfrag_text(out, text);
		return;
	}
	/* An id may hold a colon of its own: it is tried whole too. Origins
	 * are stored lower-case ("ucdp"); both terms use the (origin_id,
	 * origin) index. */
	char *origin = xstrndup(text, (size_t)(colon - text));
	for (char *p = origin; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	sqlfrag_sql(out, "(e.origin_id = ");
	sqlfrag_text(out, text);
	sqlfrag_sql(out, " OR (e.origin_id = ");
	sqlfrag_text(out, colon + 1);
	sqlfrag_sql(out, " AND e.origin = ");
	sqlfrag_text(out, origin);
	sqlfrag_sql(out, "))");
	free(origin);
}
