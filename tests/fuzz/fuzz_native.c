/* libFuzzer harness: the sitrep text format reader on any bytes, into an
 * in-memory database whose transaction is rolled back after each input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sitrep/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *store;
static FILE *msgs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *err = NULL;
	if (!store) {
		store = store_open(":memory:", &err);
		msgs = fopen("/dev/null", "w");
		if (!store || !msgs)
			abort();
	}
	FILE *in = fmemopen((void *)data, size ? size : 1, "rb");
	if (!in)
		return 0;
	if (store_begin(store, &err) < 0)
		abort();
	struct import_ctx ctx = {.store = store, .file = "fuzz.sitrep", .msg = msgs};
	import_native(&ctx, in);
	store_rollback(store);
	fclose(in);
	return 0;
}
