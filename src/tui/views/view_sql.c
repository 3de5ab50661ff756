/* The result of a read-only SQL statement (:sql SELECT ...), as a table
 * with the line-list keys: a line per row, columns as wide as their
 * widest value (cut at SQL_COL_MAX), the statement and the column names
 * above. It keeps at most SQL_VIEW_ROWS rows, so its memory does not grow
 * with the file; `sitrep sql` prints them all. What may run is
 * sql_readonly's business. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/line_list.h"
#include "sitrep/session.h"
#include "sitrep/sql_readonly.h"
#include "sitrep/text.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define SQL_VIEW_ROWS 1000
#define SQL_COL_MAX   40
#define SQL_COLS      32

struct sqlview {
	struct line_list lines;
	char *statement; /* NULL: none run yet */
	char *names;     /* the column names as one header line */
	bool more;       /* the statement had rows past SQL_VIEW_ROWS */
};

static struct sqlview *S(struct view *v)
{
	return v->priv;
}

static int sql_open(struct view *v, long long arg)
{
	(void)arg;
	struct sqlview *q = xcalloc(1, sizeof *q);
	lines_init(&q->lines, true, 0, 2);
	v->priv = q;
	return 0;
}

static void reset(struct sqlview *q)
{
	lines_clear(&q->lines);
	q->lines.top = q->lines.sel = 0;
	free(q->statement);
	free(q->names);
	q->statement = q->names = NULL;
	q->more = false;
}

static void sql_close(struct view *v)
{
	struct sqlview *q = S(v);
	reset(q);
	lines_free(&q->lines);
	free(q);
}

/* Row r of cells (ncols each) as one line, each cell padded to width[i]. */
static void join_cells(struct strbuf *out, char *const *cells, int ncols, const int *width)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			sb_add(out, "  ");
		text_fit(out, cells[i] ? cells[i] : "", width[i], i + 1 < ncols ? TEXT_PAD : 0);
	}
}

/* Fetch the rows (up to SQL_VIEW_ROWS), then size the columns to them. */
static int fill(struct sqlview *q, sqlite3 *db, sqlite3_stmt *st, char **err)
{
	int ncols = sqlite3_column_count(st);
	if (ncols > SQL_COLS)
		ncols = SQL_COLS;
	int width[SQL_COLS];
	char *names[SQL_COLS];
	for (int i = 0; i < ncols; i++) {
		names[i] = (char *)sqlite3_column_name(st, i);
		width[i] = text_width(names[i]);
	}
	char **cells = NULL;
	int nrows = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nrows == SQL_VIEW_ROWS) {
			q->more = true;
			break;
		}
		cells = xrealloc(cells, (size_t)(nrows + 1) * (size_t)ncols * sizeof *cells);
		for (int i = 0; i < ncols; i++) {
			char *c = db_column_dup(st, i);
			int cw = text_width(c);
			cells[nrows * ncols + i] = c;
			if (cw > width[i])
				width[i] = cw < SQL_COL_MAX ? cw : SQL_COL_MAX;
		}
		nrows++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*err = db_error(db);
	struct strbuf sb = STRBUF_INIT;
	join_cells(&sb, names, ncols, width);
	q->names = sb_detach(&sb);
	for (int r = 0; r < nrows; r++) {
		join_cells(&sb, &cells[r * ncols], ncols, width);
		lines_add(&q->lines, NULL, sb_str(&sb), ROLE_NORMAL);
		sb_reset(&sb);
		for (int i = 0; i < ncols; i++)
			free(cells[r * ncols + i]);
	}
	sb_free(&sb);
	free(cells);
	return *err ? -1 : 0;
}

/* Run statement; the view shows its rows, or the refusal as its text. */
static int run(struct view *v, const char *statement)
{
	struct sqlview *q = S(v);
	sqlite3 *db = session_db(v->s);
	sqlite3_stmt *st;
	char *err = NULL;

	reset(q);
	q->statement = xstrdup(statement);
	if (sql_readonly_prepare(db, statement, &st, &err) == 0) {
		fill(q, db, st, &err);
		sqlite3_finalize(st);
	}
	if (err) {
		lines_add(&q->lines, NULL, err, ROLE_ERROR);
		ui_error(v->ui, "%s", err);
		free(err);
	} else if (q->more) {
		ui_message(v->ui, "sql: the first %d rows; sitrep sql prints them all",
			   SQL_VIEW_ROWS);
	} else {
		ui_message(v->ui, "sql: %d row%s", q->lines.n, q->lines.n == 1 ? "" : "s");
	}
	return UI_HANDLED | UI_REPAINT;
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	(void)ctx;
	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
	ui_put(w, y, 2, cols - 2, l->text, sel ? ROLE_CURSOR : l->role, 0, NULL);
}

static void sql_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct sqlview *q = S(v);
	if (!q->statement) {
		ui_put(w, 0, 1, cols - 1, "SQL: type :sql SELECT ... (the schema: sitrep schema)",
		       ROLE_HEADING, 0, NULL);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "SQL: %s", q->statement);
	ui_put(w, 0, 1, cols - 1, sb_str(&sb), ROLE_HEADING, 0, NULL);
	sb_free(&sb);
	if (q->names)
		ui_put(w, 1, 2, cols - 2, q->names, ROLE_LABEL, 0, NULL);
	lines_draw(&q->lines, w, rows, cols, draw_line, NULL);
}

static int sql_action(struct view *v, enum action a)
{
	return lines_action(&S(v)->lines, a, session_search_folded(v->s));
}

static int sql_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	(void)x;
	lines_mouse(&S(v)->lines, m, y);
	return UI_HANDLED;
}

static void sql_position(struct view *v, struct strbuf *out)
{
	lines_position(&S(v)->lines, out);
}

static int sql_command(struct view *v, const char *cmd, const char *arg)
{
	if (strcmp(cmd, "sql") != 0)
		return UI_UNHANDLED;
	return run(v, arg);
}

const struct view_ops sql_view_ops = {
    .name = "sql",
    .open = sql_open,
    .close = sql_close,
    .draw = sql_draw,
    .action = sql_action,
    .mouse = sql_mouse,
    .position = sql_position,
    .command = sql_command,
};
