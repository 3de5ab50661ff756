/* libFuzzer harness: the filter parser must reject or accept any text,
 * never crash, and a parsed tree must dump and free cleanly; as chips, the
 * stack's text must parse to the stack's own tree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/filter.h"
#include "sitrep/filter_stack.h"
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
	} /* As chips: the stack's text must parse back to the stack's tree. */
	struct filter_stack st;
	fstack_init(&st);
	if (fstack_set(&st, text, &err) == 0) {
		char *joined = fstack_text(&st);
		struct filter_node *tree = fstack_tree(&st), *again = NULL;
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		if (filter_parse(joined, &again, &err) != 0)
			abort();
		filter_dump(tree, &a);
		filter_dump(again, &b);
		if (strcmp(sb_str(&a), sb_str(&b)) != 0)
			abort();
		sb_free(&a);
		sb_free(&b);
		filter_free(again);
		fstack_tree_free(&st, tree);
		free(joined);
	}
	fstack_free(&st);
	free(text);
	return 0;
}
