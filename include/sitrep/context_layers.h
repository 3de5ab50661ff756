/* context_layers: which layers open over a browsed file (context_layers.c):
 * the bundled data set's context events, unless turned off or browsed
 * itself, then each --context FILE. The TUI adds them to its session; the
 * commands that take --context to a layer_set of their own. */
#ifndef SITREP_CONTEXT_LAYERS_H
#define SITREP_CONTEXT_LAYERS_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/layer.h"

/* Where a layer goes: 1 added, 0 nothing of it applies, -1 with *err set
 * (session_add_layer and layer_set_add take this shape). */
typedef int (*layer_add_fn)(void *ctx, const char *name, const char *path, enum layer_scope scope,
			    char **err);

/* Open the bundled layer over browsed (when bundled, and browsed is not
 * the data set itself), then each of the n files in contexts. 0, or -1
 * when a --context file cannot be shown (said on stderr). */
int context_layers_open(layer_add_fn add, void *ctx, const char *browsed, bool bundled,
			const char *const *contexts, size_t n);

#endif
