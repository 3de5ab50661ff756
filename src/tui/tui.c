/* tui_main: open the session, set up the terminal (or the headless
 * harness), open the panes and the first view, run the main loop, and put
 * the terminal back however the program ends. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "sitrep/db.h"
#include "sitrep/text.h"
#include "sitrep/theme.h"
#include "sitrep/tui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"
#include "sitrep/context_layers.h"
#include "ui_impl.h"

static SCREEN *screen;
static FILE *null_out, *null_in;
static FILE *tty_in; /* the terminal, when standard input is not it */

/* The alternate screen is left blank before the terminal goes back to the
 * shell's: a terminal that was resized while in it can carry its lines
 * over (tmux, after growing, shows the timeline's last lines above the
 * prompt), and less leaves nothing of its own behind either. Without an
 * alternate screen (vt100, linux) the last screen stays, as with less. */
static void restore_terminal(void)
{
	if (screen && !isendwin()) {
		if (enter_ca_mode && enter_ca_mode != (char *)-1 && *enter_ca_mode) {
			erase();
			refresh();
		}
		endwin();
	}
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
		/* sitrep < file: keys come from the terminal, as less reads
		 * them; never from a file at its end, which would spin */
		FILE *in = stdin;
		if (!isatty(STDIN_FILENO)) {
			tty_in = fopen("/dev/tty", "r");
			if (!tty_in) {
				warnx_("standard input is not a terminal and /dev/tty cannot "
				       "be opened: %s; use 'sitrep list'",
				       strerror(errno));
				return -1;
			}
			in = tty_in;
		}
		screen = newterm(NULL, stdout, in);
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
	if (tty_in)
		fclose(tty_in);
	null_out = null_in = tty_in = NULL;
}

static int add_to_session(void *s, const char *name, const char *path, enum layer_scope scope,
			  char **err)
{
	return session_add_layer(s, name, path, scope, err);
}

static int setup_ui(struct ui *ui, const char *db_path, const struct tui_options *o)
{
	const char *path = db_default_path(db_path);
	const char *filter_text = o->filter_text;
	char *err = NULL;
	struct filter_error ferr;

	ui->s = session_open(path, &err);
	if (!ui->s) {
		warnx_("%s", err ? err : path);
		free(err);
		return 1;
	}
	sb_init(&ui->message);
	if (session_set_filter(ui->s, filter_text ? filter_text : "", &ferr) != 0) {
		char msg[320];
		filter_error_format(&ferr, msg, sizeof msg);
		fprintf(stderr, "%s: %s\n", progname, msg);
		return 2;
	}
	ui->mouse_on = true;
	if (ui_config_load(ui) != 0)
		return 2;
	bool bundled = (ui_config_context() || o->with_context) && !o->no_context;
	if (context_layers_open(add_to_session, ui->s, path, bundled, o->contexts, o->ncontexts) !=
	    0)
		return 1;
	/* after the layers: the notebook is attached to each of them too */
	char *notes = notebook_path_for(o->notes_path, path);
	if (session_use_notebook(ui->s, notes, notebook_author(ui_config_author()), &err) != 0) {
		warnx_("notebook %s", err ? err : notes);
		free(err);
		free(notes);
		return 1;
	}
	free(notes);
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
	return 0;
}

/* The panes, before the first view: the strip points its counter at the
 * filter, so that a timeline opened next can take its total from there. */
static void open_panes(struct ui *ui)
{
	static const struct pane_ops *const ops[UI_NPANES] = {
	    [PANE_STRIP] = &strip_pane_ops,
	    [PANE_CHIPS] = &chips_pane_ops,
	    [PANE_SIDE] = &side_pane_ops,
	    [PANE_STATUS] = &status_pane_ops,
	};
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		*p = (struct pane){
		    .ops = ops[i], .ui = ui, .s = ui->s, .seen = session_version(ui->s)};
		if (p->ops->open && p->ops->open(p) != 0)
			p->ops = NULL;
	}
}

static void teardown_ui(struct ui *ui)
{
	while (ui->nviews)
		ui_remove(ui, ui->nviews - 1);
	for (int i = 0; i < UI_NPANES; i++)
		if (ui->panes[i].ops && ui->panes[i].ops->close)
			ui->panes[i].ops->close(&ui->panes[i]);
	if (ui->hist_path)
		history_save(&ui->hist, ui->hist_path);
	if (ui->prompting)
		prompt_free(&ui->prompt);
	history_free(&ui->hist);
	free(ui->hist_path);
	keyscript_free(&ui->script);
	sb_free(&ui->message);
	free(ui->pending_dump);
	session_free(ui->s);
}

int tui_main(const struct tui_options *o)
{
	const char *db_path = o->db_path;
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
	int status = setup_ui(&ui, db_path, o);
	free(config_db);
	if (status == 0) {
		/* before curses starts, so that it leaves these signals to us */
		ui_signals_install();
		if (start_curses(&ui) != 0)
			status = 1;
	}
	if (status == 0) {
		open_panes(&ui);
		ui_layout(&ui);
		enum view_id first = ui_config_view();
		if (ui_push(&ui, VIEW_TIMELINE, 0) == 0) {
			if (first != VIEW_TIMELINE)
				ui_push(&ui, first, 0);
			ui_run(&ui);
		}
		stop_curses();
		if (ui_signal_pending())
			status = 128 + ui_signal_pending();
	}
	teardown_ui(&ui);
	return status;
}
