/* tui_main: set up the terminal (or the headless harness), run the main
 * loop, and put the terminal back however the program ends. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "sitrep/db.h"
#include "sitrep/text.h"
#include "sitrep/tui.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

static SCREEN *screen;
static FILE *null_out, *null_in;

static void restore_terminal(void)
{
	if (screen && !isendwin())
		endwin();
}

/* A terminal that curses cannot drive gets one clear line, not garbage. */
static int check_terminal(const char *term)
{
	int e = 0;
	if (!term || !*term) {
		warnx_("TERM is not set; set it (e.g. TERM=xterm-256color) or use 'sitrep list'");
		return -1;
	}
	if (setupterm(term, fileno(stdout), &e) != OK) {
		if (e == 0)
			warnx_("unknown terminal type '%s'; set TERM (e.g. xterm-256color) or use "
			       "'sitrep list'",
			       term);
		else
			warnx_("no terminfo database for '%s'; use 'sitrep list'", term);
		return -1;
	}
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!ok) {
		warnx_("terminal '%s' cannot position the cursor; use 'sitrep list'", term);
		return -1;
	}
	return 0;
}

static int start_curses(struct ui *ui)
{
	const char *term = getenv("TERM");
	const char *nd = getenv("SITREP_NO_DISPLAY");
	bool headless = nd && *nd && strcmp(nd, "0") != 0;
	if (headless) {
		/* as tig does: real curses, output to nowhere, size from LINES/COLUMNS */
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (!term || !*term)
			term = "xterm-256color";
		screen = null_out && null_in ? newterm(term, null_out, null_in) : NULL;
	} else {
		if (check_terminal(term) != 0)
			return -1;
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen) {
		warnx_("cannot start curses on terminal '%s'", term ? term : "");
		return -1;
	}
	set_term(screen);
	die_atexit(restore_terminal);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	curs_set(0);
	if (ui->mouse_on) /* "mouse = off" leaves the terminal's own selection alone */
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			      | BUTTON5_PRESSED
#endif
			  ,
			  NULL);
	theme_init();
	ui_draw_init(!text_locale_is_utf8());
	return 0;
}

static void stop_curses(void)
{
	restore_terminal();
	if (screen)
		delscreen(screen);
	screen = NULL;
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
}

static void dispatch(struct ui *ui, const struct input *in)
{
	struct view *v = ui_top(ui);
	switch (in->type) {
	case INPUT_RESIZE:
		if (ui->scripted)
			resizeterm(in->rows, in->cols);
		ui_layout(ui);
		break;
	case INPUT_MOUSE: {
		int y = in->y - ui->lay.view_y, x = in->x - ui->lay.view_x;
		if (ui->win_strip && in->y == ui->lay.strip_y && in->mouse == MOUSE_CLICK) {
			ui_strip_click(ui, in->x);
			break;
		}
		if (!ui->too_small && !ui->prompting && v->ops->mouse && y >= 0 &&
		    y < ui->lay.view_h && x >= 0 && x < ui->lay.view_w)
			v->ops->mouse(v, in->mouse, y, x);
		break;
	}
	case INPUT_DUMP:
		free(ui->pending_dump);
		ui->pending_dump = xstrdup(in->path);
		break;
	case INPUT_KEY:
		if (ui->prompting) {
			ui_prompt_key(ui, in->key);
			break;
		}
		if (ui->chip_mode) {
			ui_chips_key(ui, in->key);
			break;
		}
		sb_reset(&ui->message);
		enum action a = keymap_lookup(in->key);
		if (a != ACT_NONE)
			ui_action(ui, a);
		else {
			char name[32];
			key_describe(in->key, name, sizeof name);
			ui_message(ui, "%s: no action (? lists the keys)", name);
		}
		break;
	}
}

/* Draw, then do the slow work (counting) with the screen already up, then
 * draw again; a pending save-display sees the settled screen. */
static void settle(struct ui *ui)
{
	ui_render(ui);
	if (ui_background(ui))
		ui_render(ui);
	if (ui->pending_dump) {
		char *err = NULL;
		if (screen_dump(ui->pending_dump, &err) != 0) {
			ui_error(ui, "save-display: %s", err);
			free(err);
		}
		free(ui->pending_dump);
		ui->pending_dump = NULL;
	}
}

static void run(struct ui *ui)
{
	while (!ui->quit && ui->nviews) {
		settle(ui);
		struct input in;
		if (!ui_read(ui, &in))
			break;
		dispatch(ui, &in);
	}
}

static int setup_ui(struct ui *ui, const char *db_path, const char *filter_text)
{
	const char *path = db_default_path(db_path);
	char *err = NULL;
	ui->db = db_open_ro(path, &err);
	if (!ui->db) {
		warnx_("%s", err ? err : path);
		free(err);
		return 1;
	}
	const char *slash = strrchr(path, '/');
	ui->db_name = xstrdup(slash ? slash + 1 : path);
	sb_init(&ui->message);
	filter_sql_init(&ui->filter);
	ui->q = (struct query){
	    .db = ui->db, .where = &ui->filter.where, .count_where = &ui->filter.count_where};
	ui->filter_text = xstrdup("");
	struct filter_error ferr;
	fstack_init(&ui->stack);
	if (fstack_set(&ui->stack, filter_text ? filter_text : "", &ferr) != 0 ||
	    ui_apply_stack(ui, &ferr) != 0) {
		char msg[320];
		filter_error_format(&ferr, msg, sizeof msg);
		fprintf(stderr, "%s: %s\n", progname, msg);
		return 2;
	}
	ui->density = density_new(ui->db, &err);
	free(err); /* no strip then; the timeline still works */
	err = NULL;
	ui->zoom = ZOOM_MONTH;
	ui->strip_on = true;
	ui->actor_sort = ACTORS_BY_COUNT;
	ui->mouse_on = true;
	if (ui_config_load(ui) != 0)
		return 2;
	const char *script = getenv("SITREP_SCRIPT");
	if (script && *script) {
		char why[512];
		if (keyscript_load(script, &ui->script, why, sizeof why) != 0) {
			warnx_("%s", why);
			return 2;
		}
		ui->scripted = true;
	}
	ui->hist_path = history_path();
	if (ui->hist_path)
		history_load(&ui->hist, ui->hist_path);
	/* before the timeline opens: the counts it may take its total from */
	ui_strip_start(ui);
	return 0;
}

static void teardown_ui(struct ui *ui)
{
	while (ui->nviews)
		ui_pop(ui);
	if (ui->side.ops && ui->side.ops->close)
		ui->side.ops->close(&ui->side);
	density_free(ui->density);
	fstack_free(&ui->stack);
	if (ui->hist_path)
		history_save(&ui->hist, ui->hist_path);
	if (ui->prompting)
		prompt_free(&ui->prompt);
	history_free(&ui->hist);
	free(ui->hist_path);
	keyscript_free(&ui->script);
	filter_sql_free(&ui->filter);
	sb_free(&ui->message);
	free(ui->filter_text);
	free(ui->db_name);
	free(ui->search);
	free(ui->search_folded);
	free(ui->pending_dump);
	if (ui->db)
		db_close(ui->db);
}

int tui_main(const char *db_path, const char *filter_text)
{
	setlocale(LC_ALL, "");
	struct ui ui;
	memset(&ui, 0, sizeof ui);
	/* The config file's database comes after --db and SITREP_DB, before
	 * the bundled data set. */
	const char *env = getenv("SITREP_DB");
	char *config_db = NULL;
	if (!db_path && (!env || !*env))
		config_db = ui_config_database();
	if (!db_path)
		db_path = config_db ? config_db : db_default_path(NULL);
	int status = setup_ui(&ui, db_path, filter_text);
	free(config_db);
	if (status == 0) {
		/* before curses starts, so that it leaves these signals to us */
		ui_signals_install();
		if (start_curses(&ui) != 0)
			status = 1;
	}
	if (status == 0) {
		ui_layout(&ui);
		if (ui_push(&ui, &timeline_view_ops, NULL) == 0)
			run(&ui);
		stop_curses();
		if (ui_signal_pending())
			status = 128 + ui_signal_pending();
	}
	teardown_ui(&ui);
	return status;
}
