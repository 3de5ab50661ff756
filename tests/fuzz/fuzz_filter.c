/* libFuzzer harness: the filter parser must reject or accept any text,
 * never crash, and a parsed tree must dump and free cleanly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/filter.h"
#include "sitrep/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct filter_node *n = NULL;
	struct filter_error err;
	if (filter_parse(text, &n, &err) == 0) {
		struct strbuf sb = STRBUF_INIT;
		filter_dump(n, &sb);
		sb_free(&sb);
		filter_free(n);
	}
	char **terms;
	size_t nterms;
	if (filter_terms(text, &terms, &nterms, &err) == 0)
		filter_terms_free(terms);
	free(text);
	return 0;
}
