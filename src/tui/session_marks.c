/* session_marks: the analyst's marks in the session (session.h): the
 * notebook attached to every connection the session reads (the browsed
 * file and each layer's), so that the filter's starred, tag: and note:
 * are SQL like any other term; and the marked events among them, by id,
 * for the timeline's mark column. Marks are few, so the whole set is read
 * again after each change. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session_impl.h"
#include "sitrep/db.h"
#include "sitrep/util.h"

void session_marks_free(struct session *s)
{
	notebook_close(s->nb);
	free(s->marks);
	free(s->notes_path);
	free(s->author);
	s->nb = NULL;
	s->marks = NULL;
	s->nmarks = 0;
}

const char *session_notebook_path(const struct session *s)
{
	return s->notes_path;
}

static int by_id(const void *a, const void *b)
{
	long long x = ((const struct session_mark *)a)->id,
		  y = ((const struct session_mark *)b)->id;
	return (x > y) - (x < y);
}

/* The marked events of connection db, ids made by as_id(index, id). */
static void gather(struct session *s, sqlite3 *db, int layer)
{
	sqlite3_stmt *st;
	if (!notebook_attached(db) ||
	    sqlite3_prepare_v2(db,
			       "SELECT x.id, m.kind FROM " NOTEBOOK_SCHEMA
			       ".mark m JOIN main.event x"
			       " ON x.origin_id = m.origin_id AND x.origin = m.origin",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		unsigned f = !kind                       ? 0
			     : strcmp(kind, "star") == 0 ? SESSION_MARK_STAR
			     : strcmp(kind, "tag") == 0  ? SESSION_MARK_TAG
							 : SESSION_MARK_NOTE;
		s->marks = xrealloc(s->marks, (s->nmarks + 1) * sizeof *s->marks);
		s->marks[s->nmarks++] =
		    (struct session_mark){layer < 0 ? id : layer_event_id(layer, id), f};
	}
	sqlite3_finalize(st);
}

/* Read the marked events again, one entry an event. */
static void reload(struct session *s)
{
	free(s->marks);
	s->marks = NULL;
	s->nmarks = 0;
	gather(s, s->db, -1);
	for (int i = 0; i < s->layers.n; i++)
		gather(s, s->layers.layers[i].db, s->layers.layers[i].index);
	if (s->nmarks > 1)
		qsort(s->marks, s->nmarks, sizeof *s->marks, by_id);
	size_t n = 0;
	for (size_t i = 0; i < s->nmarks; i++) {
		if (n && s->marks[n - 1].id == s->marks[i].id)
			s->marks[n - 1].flags |= s->marks[i].flags;
		else
			s->marks[n++] = s->marks[i];
	}
	s->nmarks = n;
}

/* Attach the notebook to every connection that does not have it yet. */
static int attach_all(struct session *s, char **err)
{
	if (!notebook_attached(s->db) && notebook_attach(s->db, s->notes_path, err) != 0)
		return -1;
	for (int i = 0; i < s->layers.n; i++)
		if (!notebook_attached(s->layers.layers[i].db) &&
		    notebook_attach(s->layers.layers[i].db, s->notes_path, err) != 0)
			return -1;
	return 0;
}

static int changed(struct session *s, char **err);

int session_use_notebook(struct session *s, const char *path, const char *author, char **err)
{
	*err = NULL;
	free(s->notes_path);
	free(s->author);
	s->notes_path = path ? xstrdup(path) : NULL;
	s->author = xstrdup(author);
	if (!path || access(path, F_OK) != 0)
		return 0; /* made at the first mark */
	s->nb = notebook_open(path, false, err);
	return s->nb ? changed(s, err) : -1;
}

unsigned session_marks_of(const struct session *s, long long id)
{
	size_t lo = 0, hi = s->nmarks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->marks[mid].id < id)
			lo = mid + 1;
		else if (s->marks[mid].id > id)
			hi = mid;
		else
			return s->marks[mid].flags;
	}
	return 0;
}

/* The event to put a mark on: its origin ids, title and date, read from
 * the file it lives in. Strings in buf (freed by the caller). */
struct target_buf {
	struct mark_target t;
	char *v[4];
};

static int target_of(struct session *s, long long id, struct target_buf *tb, char **err)
{
	long long own;
	const char *layer;
	sqlite3 *db = session_db_of(s, id, &own, &layer);
	sqlite3_stmt *st;
	memset(tb, 0, sizeof *tb);
	if (!db || sqlite3_prepare_v2(db,
				      "SELECT origin, origin_id, title, date_start FROM event"
				      " WHERE id = ?",
				      -1, &st, NULL) != SQLITE_OK) {
		*err = db ? db_error(db) : xstrdup("that event's layer is not open");
		return -1;
	}
	sqlite3_bind_int64(st, 1, own);
	int rc = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			tb->v[i] = t ? xstrdup((const char *)t) : NULL;
		}
		rc = tb->v[0] && *tb->v[0] && tb->v[1] && *tb->v[1] ? 0 : -1;
		if (rc)
			*err = xstrdup("this event has no origin id to attach a mark to");
	} else {
		*err = xstrdup("no such event");
	}
	sqlite3_finalize(st);
	tb->t = (struct mark_target){tb->v[0], tb->v[1], tb->v[2], tb->v[3]};
	return rc;
}

static void target_free(struct target_buf *tb)
{
	for (int i = 0; i < 4; i++)
		free(tb->v[i]);
}

static bool uses_marks(const struct filter_node *n)
{
	if (!n)
		return false;
	if (n->type == FILTER_FIELD &&
	    (n->field == FILTER_STARRED || n->field == FILTER_TAG || n->field == FILTER_NOTE))
		return true;
	for (size_t i = 0; i < n->nkids; i++)
		if (uses_marks(n->kids[i]))
			return true;
	return false;
}

/* Before a mark is written: the notebook, made now when it is the first. */
static int ready(struct session *s, char **err)
{
	if (s->nb)
		return 0;
	if (!s->notes_path) {
		*err = xstrdup("no notebook: no home directory to keep it in (see --notes)");
		return -1;
	}
	s->nb = notebook_open(s->notes_path, true, err);
	return s->nb ? 0 : -1;
}

/* After a mark was written: every connection sees the notebook, the
 * marked events are read again, and a filter that selects by marks is
 * compiled and counted again. */
static int changed(struct session *s, char **err)
{
	if (attach_all(s, err) != 0)
		return -1;
	reload(s);
	s->version++;
	struct filter_node *tree = fstack_tree(&s->chips);
	bool refilter = uses_marks(tree);
	fstack_tree_free(&s->chips, tree);
	if (refilter) {
		struct filter_error ferr;
		density_forget(s->density);
		if (session_compile(s, &ferr) != 0) {
			*err = xstrdup(ferr.message);
			return -1;
		}
	}
	return 0;
}

/* One mark written on event id: the notebook made if need be, the mark
 * (fn) put on the event's origin ids, then everything that shows marks
 * brought up to date. */
typedef int mark_fn(struct session *s, const struct mark_target *t, void *arg, char **err);

static int mark_event(struct session *s, long long id, mark_fn *fn, void *arg, char **err)
{
	struct target_buf tb;
	int rc = -1;
	memset(&tb, 0, sizeof tb); /* freed below even when the notebook cannot be made */
	if (ready(s, err) == 0 && target_of(s, id, &tb, err) == 0)
		rc = fn(s, &tb.t, arg, err);
	target_free(&tb);
	return rc == 0 ? changed(s, err) : -1;
}

static int put_star(struct session *s, const struct mark_target *t, void *on, char **err)
{
	return notebook_toggle_star(s->nb, t, s->author, on, err);
}

/* Each word a tag; "-NAME" takes tag NAME off. */
static int put_tags(struct session *s, const struct mark_target *t, void *words, char **err)
{
	char *copy = xstrdup(words), *save = NULL;
	int rc = 0;
	for (char *w = strtok_r(copy, " \t,", &save); w && rc == 0;
	     w = strtok_r(NULL, " \t,", &save)) {
		bool remove = w[0] == '-';
		if (w[remove])
			rc = notebook_tag(s->nb, t, s->author, w + remove, remove, err);
	}
	free(copy);
	return rc;
}

static int put_note(struct session *s, const struct mark_target *t, void *text, char **err)
{
	return notebook_note(s->nb, t, s->author, text, err);
}

int session_toggle_star(struct session *s, long long id, bool *on, char **err)
{
	return mark_event(s, id, put_star, on, err);
}

int session_tag(struct session *s, long long id, const char *words, char **err)
{
	return mark_event(s, id, put_tags, (void *)words, err);
}

int session_note(struct session *s, long long id, const char *text, char **err)
{
	return mark_event(s, id, put_note, (void *)text, err);
}

int session_event_marks(struct session *s, long long id, struct mark **v, size_t *n, char **err)
{
	struct target_buf tb;
	*v = NULL;
	*n = 0;
	if (!s->nb || !session_marks_of(s, id))
		return 0;
	int rc = target_of(s, id, &tb, err) == 0
		     ? notebook_marks(s->nb, tb.t.origin, tb.t.origin_id, v, n, err)
		     : -1;
	target_free(&tb);
	return rc;
}

int session_tags(struct session *s, char ***tags, size_t *n, char **err)
{
	*tags = NULL;
	*n = 0;
	return s->nb ? notebook_tags(s->nb, tags, n, 200, err) : 0;
}
