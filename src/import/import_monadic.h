/* import_monadic: ACLED's one-row-per-actor ("monadic") exports, whose
 * rows have actor1, assoc_actor_1 and inter1 and no second side: an event
 * with two sides is two rows with the same event_id_cnty. The rows of one
 * event are merged back into one record with the second row's side as
 * actor2, assoc_actor_2 and inter2 (columns added to the header, see
 * csv_in_add_columns), so the reader maps it as it maps a dyadic row. Rows
 * of one event need not be next to each other: those of one event_date are
 * held together (a file sorted by date, stably or not, or by id), at most
 * MONADIC_WINDOW events at a time. */
#ifndef SITREP_IMPORT_MONADIC_H
#define SITREP_IMPORT_MONADIC_H

#include <stdbool.h>

#include "import_csv.h"

#define MONADIC_WINDOW 4096

/* The columns of a monadic file's header (indexes into in->hdr): the
 * event's id and date, and the one side's actor, associates and inter
 * code (-1 when absent). */
struct monadic_cols {
	int id, date, actor, assoc, inter;
};

struct monadic;
/* Adds the second side's columns (actor2, assoc_actor_2, inter2) to in's
 * header: call it before csv_in_columns. */
struct monadic *monadic_new(struct csv_in *in, const struct monadic_cols *cols);
void monadic_free(struct monadic *m);

/* Called with in->rec set to one merged record; returns -1 to stop. */
typedef int (*monadic_emit)(void *arg, struct csv_in *in);

/* Take the current record (in->rec): held until its event is complete;
 * records of events now complete are emitted. Returns how many rows were
 * merged into an event held (0 or 1), or -1 when emit said stop. */
int monadic_take(struct monadic *m, struct csv_in *in, monadic_emit emit, void *arg);
/* Emit every event still held (the end of the file). -1 when emit said stop. */
int monadic_flush(struct monadic *m, struct csv_in *in, monadic_emit emit, void *arg);

#endif
