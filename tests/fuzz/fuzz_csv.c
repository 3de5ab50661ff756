/* libFuzzer harness: the CSV reader on any bytes. */
#include <stdint.h>
#include <stdio.h>

#include "sitrep/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
	if (!f)
		return 0;
	struct csv_reader *r = csv_open(f, ',');
	struct csv_record rec;
	while (csv_read(r, &rec) > 0)
		;
	csv_close(r);
	fclose(f);
	return 0;
}
