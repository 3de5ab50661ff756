/* libFuzzer harness: every date form the importers read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/date.h"
#include "sitrep/date_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct date_span d;
	char buf[64];
	if (date_parse_iso(text, &d) == 0)
		date_format_span(buf, sizeof buf, &d);
	if (date_parse_any(text, &d) == 0)
		date_format_span(buf, sizeof buf, &d);
	free(text);
	return 0;
}
