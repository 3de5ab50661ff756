/* Text on screen: every string from data goes through text_fit or
 * text_sanitize here, so no view writes raw data to the terminal. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

static const struct glyphs utf8_glyphs = {
    .context = "\u25c6",  /* ◆ */
    .incident = "\u00b7", /* · */
    .cursor = "\u25b6",   /* ▶ */
    .hline = "\u2500",    /* ─ */
    .hline2 = "\u2501",   /* ━ */
    .bullet = "\u2022",   /* • */
    .arrow = "\u2192",    /* → */
    .star = "\u2605",     /* ★ */
    .tag = "#",
    .note = "\u270e", /* ✎ */
};

static const struct glyphs ascii_glyphs = {
    .context = "*",
    .incident = ".",
    .cursor = ">",
    .hline = "-",
    .hline2 = "=",
    .bullet = "*",
    .arrow = "->",
    .star = "!", /* "*" is a context event */
    .tag = "#",
    .note = "n",
};

static const struct glyphs *glyphs = &utf8_glyphs;
static int text_flags;

void ui_draw_init(bool ascii)
{
	glyphs = ascii ? &ascii_glyphs : &utf8_glyphs;
	text_flags = ascii ? TEXT_ASCII : 0;
}

const struct glyphs *ui_glyphs(void)
{
	return glyphs;
}
int ui_text_flags(void)
{
	return text_flags;
}

/* Length in bytes of a match of needle (folded, nlen bytes: its prefix
 * mark left out) at s, 0 when none. Each character is folded on its own so
 * offsets stay those of s. */
static size_t match_at(const char *s, const char *needle, size_t nlen)
{
	size_t got = 0, used = 0;
	while (got < nlen && s[used]) {
		uint32_t cp;
		size_t n = text_decode(s + used, strlen(s + used), &cp);
		char one[8];
		memcpy(one, s + used, n);
		one[n] = '\0';
		char *f = text_fold(one);
		size_t flen = strlen(f);
		int ok = flen <= nlen - got && memcmp(f, needle + got, flen) == 0;
		free(f);
		if (!ok)
			return 0;
		got += flen;
		used += n;
	}
	return got == nlen ? used : 0;
}

static void put_segments(WINDOW *w, const char *s, attr_t attr, const char *needle)
{
	const char *p = s;
	bool prefix = false;
	size_t nlen = needle ? text_search_len(needle, &prefix) : 0;
	/* the search's rule (text_search.h): at a word's start, and its end
	 * unless a prefix is asked */
	bool edge_start = nlen && text_search_word_at(needle);
	bool edge_end = nlen && !prefix && text_search_word_before(needle, needle + nlen);
	while (nlen && *p) {
		const char *q = p;
		size_t m = 0;
		for (; *q; q++) {
			if (edge_start && text_search_word_before(s, q))
				continue;
			m = match_at(q, needle, nlen);
			if (m && edge_end && text_search_word_at(q + m))
				m = 0;
			if (m)
				break;
		}
		if (!m)
			break;
		wattrset(w, attr);
		waddnstr(w, p, (int)(q - p));
		wattrset(w, theme_attr(ROLE_SEARCH));
		waddnstr(w, q, (int)m);
		p = q + m;
	}
	wattrset(w, attr);
	waddstr(w, p);
}

int ui_put(WINDOW *w, int y, int x, int cols, const char *s, enum role r, int flags,
	   const char *needle_folded)
{
	if (cols <= 0)
		return 0;
	struct strbuf sb = STRBUF_INIT;
	int used =
	    text_fit(&sb, s ? s : "", (flags & PUT_GAP) && cols > 1 ? cols - 1 : cols, text_flags);
	int pad = cols - used;
	attr_t attr = theme_attr(r);
	wmove(w, y, x);
	if (flags & PUT_RIGHT) {
		wattrset(w, attr);
		for (int i = 0; i < pad; i++)
			waddch(w, ' ');
	}
	put_segments(w, sb_str(&sb), attr, needle_folded);
	if ((flags & PUT_PAD) && !(flags & PUT_RIGHT))
		for (int i = 0; i < pad; i++)
			waddch(w, ' ');
	sb_free(&sb);
	wattrset(w, A_NORMAL);
	return (flags & (PUT_PAD | PUT_RIGHT)) ? cols : used;
}

void ui_fill(WINDOW *w, int y, int x, int cols, const char *glyph, enum role r)
{
	wmove(w, y, x);
	wattrset(w, theme_attr(r));
	for (int i = 0; i < cols; i++)
		waddstr(w, glyph);
	wattrset(w, A_NORMAL);
}

static void add_line(char ***lines, int *n, const char *s, size_t len)
{
	*lines = xrealloc(*lines, (size_t)(*n + 1) * sizeof **lines);
	(*lines)[(*n)++] = xstrndup(s, len);
}

int ui_wrap(const char *s, int cols, char ***lines, int *n)
{
	char *clean = text_sanitized(s ? s : "", text_flags);
	int before = *n;
	const char *line = clean, *p = clean, *brk = NULL;
	int width = 0;
	if (cols < 1)
		cols = 1;
	while (*p) {
		uint32_t cp;
		size_t len = text_decode(p, strlen(p), &cp);
		int cw = text_cp_width(cp);
		if (cp == ' ')
			brk = p;
		if (width + cw > cols) {
			/* break at the last space, or mid-word when there is none */
			const char *end = brk && brk > line ? brk : p;
			if (end == line) /* a character wider than the line */
				end = p + len;
			add_line(lines, n, line, (size_t)(end - line));
			line = end;
			while (*line == ' ')
				line++;
			p = line;
			brk = NULL;
			width = 0;
			continue;
		}
		width += cw;
		p += len;
	}
	if (*line || *n == before)
		add_line(lines, n, line, strlen(line));
	free(clean);
	return *n - before;
}
