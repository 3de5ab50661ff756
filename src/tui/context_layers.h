/* context_layers: the layers a TUI session opens (context_layers.c). */
#ifndef SITREP_CONTEXT_LAYERS_H
#define SITREP_CONTEXT_LAYERS_H

#include <stdbool.h>

#include "sitrep/session.h"
#include "sitrep/tui.h"

/* Open the bundled layer over browsed (when bundled_on, not --no-context,
 * and browsed is not the data set itself), then each --context file.
 * 0, or -1 when a --context file cannot be shown (said on stderr). */
int context_layers_open(struct session *s, const char *browsed, const struct tui_options *o,
			bool bundled_on);

#endif
