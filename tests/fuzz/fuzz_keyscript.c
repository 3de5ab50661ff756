/* libFuzzer harness: the headless key-script parser on any text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/keyscript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct keyscript ks = {0};
	char err[256];
	if (keyscript_parse(text, &ks, err, sizeof(err)) == 0) {
		struct input in;
		while (keyscript_next(&ks, &in))
			;
	}
	keyscript_free(&ks);
	free(text);
	return 0;
}
