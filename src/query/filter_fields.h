/* filter_fields: ACLED's columns kept in an event's extra fields
 * (civilians:, interaction:, inter1:, inter2:, disorder:, tags:, admin3:),
 * geo_precision:, precision: and the actor roles (actor1:, actor2:,
 * assoc:), internal to the filter module. Their SQL: filter_compile.h. */
#ifndef SITREP_FILTER_FIELDS_H
#define SITREP_FILTER_FIELDS_H

#include "sitrep/filter.h"

/* Check v->text for field f, one of these fields (others pass): 0, or -1
 * with err set. */
int filter_fields_parse(enum filter_field f, struct filter_value *v, struct filter_error *err);

#endif
