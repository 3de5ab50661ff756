/* The analyst's marks from the keyboard: star, tag and note the selected
 * event (session.h keeps them in the notebook). A tag or a short note is
 * typed on the prompt line; a longer note is written in the user's editor,
 * with the terminal handed over to it and taken back as `less v` does. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sitrep/text.h"
#include "sitrep/util.h"
#include "ui_impl.h"

static int failed(struct ui *ui, char *err)
{
	ui_error(ui, "%s", err ? err : "the mark could not be written");
	free(err);
	return UI_HANDLED;
}

/* Run the editor on path with the terminal its own; 0 when it exited 0. */
static int run_editor(struct ui *ui, const char *path)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	if (!ui->scripted) {
		def_prog_mode();
		endwin();
	}
	/* as system(3) does: Ctrl-C in the editor is the editor's */
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		/* $EDITOR may hold options ("emacs -nw"): the shell splits it */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (!ui->scripted) {
		reset_prog_mode();
		clearok(curscr, TRUE);
	}
	ui->pending |= UI_RELAYOUT;
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* The note the user wrote in the editor, trailing blank lines cut, or
 * NULL (said why). */
static char *note_from_editor(struct ui *ui)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/sitrep-note.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		ui_error(ui, "no temporary file for the note: %s", strerror(errno));
		return NULL;
	}
	close(fd);
	char *text = NULL;
	if (run_editor(ui, path) != 0) {
		ui_error(ui, "the editor failed: no note written");
	} else {
		FILE *f = fopen(path, "r");
		struct strbuf sb = STRBUF_INIT;
		char buf[4096];
		size_t n;
		while (f && (n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len < 1000000)
			sb_addn(&sb, buf, n);
		if (f)
			fclose(f);
		text = sb_detach(&sb);
		size_t len = strlen(text);
		while (len && strchr(" \t\r\n", text[len - 1]))
			text[--len] = '\0';
		if (!len) {
			ui_message(ui, "The note is empty: nothing written");
			free(text);
			text = NULL;
		}
	}
	unlink(path);
	return text;
}

static int write_note(struct ui *ui, long long id, const char *text)
{
	char *err = NULL;
	if (session_note(ui->s, id, text, &err) != 0)
		return failed(ui, err);
	ui_message(ui, "Note written to %s", session_notebook_path(ui->s));
	return UI_HANDLED;
}

int ui_mark_action(struct ui *ui, enum action a, long long id)
{
	char *err = NULL;
	bool on;
	switch (a) {
	case ACT_STAR:
		if (session_toggle_star(ui->s, id, &on, &err) != 0)
			return failed(ui, err);
		ui_message(ui, on ? "Starred" : "Star taken off");
		return UI_HANDLED;
	case ACT_TAG:
	case ACT_NOTE:
		ui_prompt_open(ui, a == ACT_TAG ? 't' : 'n', "", 0);
		ui->mark_id = id;
		return UI_HANDLED;
	default: {
		char *text = note_from_editor(ui);
		int flags = text ? write_note(ui, id, text) : UI_HANDLED;
		free(text);
		return flags;
	}
	}
}

int ui_mark_submit(struct ui *ui, char kind, const char *text)
{
	char *err = NULL;
	if (strspn(text, " \t,") == strlen(text)) {
		ui_message(ui, kind == 't' ? "No tag given" : "The note is empty: nothing written");
		return UI_HANDLED;
	}
	if (kind == 'n')
		return write_note(ui, ui->mark_id, text);
	if (session_tag(ui->s, ui->mark_id, text, &err) != 0)
		return failed(ui, err);
	ui_message(ui, "Tags: %s", text);
	return UI_HANDLED;
}

void ui_mark_complete(struct ui *ui)
{
	const char *line = prompt_text(&ui->prompt);
	const char *word = line + strlen(line);
	while (word > line && !strchr(" \t,", word[-1]))
		word--;
	bool minus = *word == '-';
	size_t len = strlen(word + minus);
	char **tags;
	size_t n;
	char *err = NULL;
	if (session_tags(ui->s, &tags, &n, &err) != 0) {
		free(err);
		return;
	}
	/* the most used tag that the word starts */
	for (size_t i = 0; i < n; i++) {
		if (strncmp(tags[i], word + minus, len) == 0 && strlen(tags[i]) > len) {
			const char *c = tags[i] + len;
			size_t left = strlen(c);
			while (left) {
				uint32_t cp;
				size_t used = text_decode(c, left, &cp);
				prompt_insert(&ui->prompt, cp);
				c += used;
				left -= used;
			}
			break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
}
