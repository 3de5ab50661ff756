/* Input: keys, mouse and resizes from the terminal, or from the key script
 * in a headless run. Signals only set a flag here; the main loop notices
 * it when the read returns (no work inside the handler). */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "ui_impl.h"

static volatile sig_atomic_t pending_signal;

static void on_signal(int sig)
{
	pending_signal = sig;
}

void ui_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocked read returns so the loop can leave. Every
	 * signal whose default ends the program is caught, so that the
	 * terminal is put back first (Ctrl-\, a closed pipe, a stray kill). */
	static const int ending[] = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGPIPE, SIGUSR1,
				     SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};
	for (size_t i = 0; i < sizeof ending / sizeof *ending; i++)
		sigaction(ending[i], &sa, NULL);
}

int ui_signal_pending(void)
{
	return pending_signal;
}

static bool read_mouse(struct input *in)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return false;
	in->type = INPUT_MOUSE;
	in->y = ev.y;
	in->x = ev.x;
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		in->mouse = MOUSE_DOUBLE;
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		in->mouse = MOUSE_CLICK;
	else if (ev.bstate & BUTTON4_PRESSED)
		in->mouse = MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		in->mouse = MOUSE_WHEEL_DOWN;
#endif
	else
		return false;
	return true;
}

static bool read_terminal(struct ui *ui, struct input *in)
{
	for (;;) {
		if (pending_signal)
			return false;
		/* the bottom window has keypad on and a timeout, and is never
		 * stale, so reading from it does not repaint anything */
		WINDOW *w = ui->win_bottom ? ui->win_bottom : stdscr;
		if (!ui->win_bottom) {
			keypad(stdscr, TRUE);
			wtimeout(stdscr, 1000);
		}
		/* while counting goes on, look for keys between its steps */
		wtimeout(w, ui->busy ? 0 : 1000);
		wint_t ch;
		int rc = wget_wch(w, &ch);
		if (rc == ERR) {
			/* timeout or EINTR: look at the signal flag, do a step */
			if (ui->busy && ui_background(ui))
				ui_render(ui);
			else if (!ui->busy && ui_poll_file(ui)) { /* each second when idle */
				ui_background(ui);
				ui_render(ui);
			}
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			in->type = INPUT_RESIZE;
			in->rows = LINES;
			in->cols = COLS;
			return true;
		}
		if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
			if (read_mouse(in))
				return true;
			continue;
		}
		in->type = INPUT_KEY;
		in->key.code = (int)ch;
		in->key.fn = rc == KEY_CODE_YES;
		return true;
	}
}

bool ui_read(struct ui *ui, struct input *in)
{
	if (ui->scripted)
		return !pending_signal && keyscript_next(&ui->script, in);
	return read_terminal(ui, in);
}
