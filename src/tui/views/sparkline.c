/* sparkline: counts as a row of bars (see sparkline.h). */
#include "config.h"

#include "sitrep/sparkline.h"
#include "sitrep/ui_draw.h"

static const char *const utf8_bars[9] = {" ",      "\u2581", "\u2582", "\u2583", "\u2584",
					 "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const ascii_bars[9] = {" ", ".", ":", "-", "=", "+", "*", "#", "@"};

void sparkline_draw(WINDOW *w, int y, int x, const long *v, int n, enum role r)
{
	const char *const *bars = ui_text_flags() ? ascii_bars : utf8_bars;
	long max = 0;
	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (int i = 0; i < n && max; i++) {
		int level = (int)((v[i] * 8 + max - 1) / max); /* 1..8 */
		ui_put(w, y, x + i, 1, bars[level], r, 0, NULL);
	}
}
