/* save-display: the screen as ncurses believes the terminal shows it
 * (curscr), as plain text plus a per-cell attribute map. The map names
 * each distinct attribute by a letter and lists them in a legend with
 * their colours, so a style regression shows in a diff of expected
 * screens just as a text regression does. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "sitrep/strbuf.h"
#include "ui_impl.h"
#include "sitrep/util.h"

struct style_key {
	attr_t attr;
	short pair;
};

#define MAX_STYLES 52

static const char codes[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

static char style_code(struct style_key *seen, int *nseen, attr_t attr, short pair)
{
	if (attr == A_NORMAL && pair == 0)
		return '.';
	for (int i = 0; i < *nseen; i++)
		if (seen[i].attr == attr && seen[i].pair == pair)
			return codes[i];
	if (*nseen == MAX_STYLES)
		return '?';
	seen[*nseen] = (struct style_key){attr, pair};
	return codes[(*nseen)++];
}

static void describe(struct strbuf *out, struct style_key s)
{
	static const struct {
		attr_t a;
		const char *name;
	} names[] = {
	    {A_BOLD, "bold"},           {A_DIM, "dim"},           {A_REVERSE, "reverse"},
	    {A_UNDERLINE, "underline"}, {A_STANDOUT, "standout"}, {A_BLINK, "blink"},
	    {A_ITALIC, "italic"},
	};
	size_t start = out->len;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (s.attr & names[i].a)
			sb_addf(out, "%s%s", out->len > start ? " " : "", names[i].name);
	if (s.pair) {
		short fg = -1, bg = -1;
		pair_content(s.pair, &fg, &bg);
		sb_addf(out, "%sfg=%d bg=%d", out->len > start ? " " : "", fg, bg);
	}
}

static int write_file(const char *path, const struct strbuf *sb, char **err)
{
	FILE *f = fopen(path, "w");
	if (!f || fwrite(sb->buf, 1, sb->len, f) != sb->len || fclose(f) != 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* One screen line: its text (trailing blanks trimmed) and its codes. */
static void dump_line(int y, struct strbuf *text, struct strbuf *map, struct style_key *seen,
		      int *nseen)
{
	size_t text_keep = text->len, map_keep = map->len;
	for (int x = 0; x < COLS; x++) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t attr;
		short pair;
		if (mvwin_wch(curscr, y, x, &cc) == ERR)
			break;
		getcchar(&cc, wch, &attr, &pair, NULL);
		attr &= ~A_COLOR;
		char code = style_code(seen, nseen, attr, pair);
		int w = wch[0] ? wcwidth(wch[0]) : 1;
		char mb[MB_LEN_MAX * (CCHARW_MAX + 1) + 1];
		size_t n = wcstombs(mb, wch[0] ? wch : L" ", sizeof mb);
		sb_addn(text, mb, n == (size_t)-1 ? 0 : n);
		sb_addc(map, code);
		if (w == 2) { /* the next cell is the rest of this character */
			sb_addc(map, code);
			x++;
		}
		if (!(wch[0] == L' ' && code == '.')) {
			text_keep = text->len;
			map_keep = map->len;
		}
	}
	text->len = text_keep;
	text->buf[text->len] = '\0';
	map->len = map_keep;
	map->buf[map->len] = '\0';
	sb_addc(text, '\n');
	sb_addc(map, '\n');
}

int screen_dump(const char *path, char **err)
{
	struct strbuf text = STRBUF_INIT, map = STRBUF_INIT;
	struct style_key seen[MAX_STYLES];
	int nseen = 0;
	sb_add(&text, "");
	sb_add(&map, "");
	for (int y = 0; y < LINES; y++)
		dump_line(y, &text, &map, seen, &nseen);
	sb_add(&map, "--\n. normal\n");
	for (int i = 0; i < nseen; i++) {
		sb_addf(&map, "%c ", codes[i]);
		describe(&map, seen[i]);
		sb_addc(&map, '\n');
	}
	char *attr_path = xasprintf("%s.attr", path);
	int rc = write_file(path, &text, err);
	if (rc == 0)
		rc = write_file(attr_path, &map, err);
	free(attr_path);
	sb_free(&text);
	sb_free(&map);
	return rc;
}
