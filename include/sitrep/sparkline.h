/* sparkline: a row of counts drawn as bars in one cell each, as the
 * density strip draws its buckets, scaled to the row's own busiest part
 * so that it shows when something was active (the frequency view's
 * groups, the actor panel's actors); ASCII bars without UTF-8. */
#ifndef SITREP_SPARKLINE_H
#define SITREP_SPARKLINE_H

#include <curses.h>

#include "sitrep/theme.h"

/* The n counts of v into row y of w from column x, in role r. */
void sparkline_draw(WINDOW *w, int y, int x, const long *v, int n, enum role r);

#endif
