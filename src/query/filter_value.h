/* filter_value: the filter language's fields and the meaning of their values
 * (numbers, date ranges, distances, kinds), internal to the filter module. */
#ifndef SITREP_FILTER_VALUE_H
#define SITREP_FILTER_VALUE_H

#include "sitrep/filter.h"

/* The canonical field name closest to name (edit distance), or NULL. */
const char *filter_suggest_field(const char *name, size_t len);
/* Check and convert v->text for field f and operator op (numbers, dates,
 * near, kind). 0, or -1 with err set (at v->column). */
int filter_value_parse(enum filter_field f, enum filter_op op, struct filter_value *v,
		       struct filter_error *err);
/* The first and last day a date end covers, relative ends against today. */
void filter_date_days(const struct filter_date *d, long today, long *first, long *last);

#endif
