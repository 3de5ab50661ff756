/* ui: what views and panes ask of the browser's core: messages, opening
 * views, the prompt, the focus. struct ui itself is the core's alone
 * (src/tui/ui_impl.h); shared state is the session's (session.h). */
#ifndef SITREP_UI_H
#define SITREP_UI_H

#include <stdbool.h>

#include "sitrep/action.h"
#include "sitrep/view.h"

struct ui;
struct pane;

struct session *ui_session(struct ui *ui);

/* The message line. */
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_message_clear(struct ui *ui);

/* Open view id on top with arg (view.h). 0, or -1 when it did not open
 * (it said why). */
int ui_open(struct ui *ui, enum view_id id, long long arg);
/* The view on top, or NULL. */
struct view *ui_top(struct ui *ui);
/* v is where the keys go: the view on top with no pane focused, or a
 * pane's own view (the actor panel) with that pane focused. */
bool ui_has_focus(struct ui *ui, const struct view *v);
/* Give the focus to pane p (NULL: back to the view). */
void ui_focus(struct ui *ui, struct pane *p);
struct pane *ui_focused(struct ui *ui);

/* Open the prompt: '/' search, 'f' filter, ':' command, 'e' chip (arg:
 * which), with initial text. */
void ui_prompt_open(struct ui *ui, char kind, const char *initial, int arg);

/* The command line's own commands (besides every action by name), for
 * the help view. Terminated by a NULL name. */
struct ui_command_info {
	const char *name, *args, *help;
};
extern const struct ui_command_info ui_command_list[];

/* Run a command line (without the ':'); UI_* flags. */
int ui_command(struct ui *ui, const char *line);
/* Add a term built from field and a value from data (a chip), and say so. */
void ui_add_term(struct ui *ui, const char *field, const char *value);
/* Star, tag or note (ACT_STAR...ACT_NOTE_EDITOR) event id: the timeline's
 * selection, or the event a view shows. A UI_* result. */
int ui_mark_action(struct ui *ui, enum action a, long long id);
/* Load a saved view by name (and say how it went). */
void ui_load_view(struct ui *ui, const char *name);

/* A headless run (tests): counts run to the end at once, so every
 * screen dump is the same. */
bool ui_headless(const struct ui *ui);
/* Whether a key has been read yet (before it, the status line says how
 * to find the help). */
bool ui_key_seen(const struct ui *ui);

#endif
