/* libFuzzer harness: the config file's parser on any text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/config_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct config c;
	config_init(&c);
	config_parse(&c, "fuzz", text, NULL);
	config_free(&c);
	free(text);
	return 0;
}
