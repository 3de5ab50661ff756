/* session_impl: the session's state, for the files that make up the
 * session (session.c: the file, filter and layers; session_marks.c: the
 * notebook). Nothing else includes it: the rest goes through session.h. */
#ifndef SITREP_SESSION_IMPL_H
#define SITREP_SESSION_IMPL_H

#include "sitrep/layer_set.h"
#include "sitrep/notebook.h"
#include "sitrep/session.h"

/* An event with marks, and which (SESSION_MARK_*). */
struct session_mark {
	long long id;
	unsigned flags;
};

struct session {
	sqlite3 *db;
	char *db_name;
	struct filter_stack chips;
	struct filter_sql filter; /* the chips that are on, compiled */
	char *filter_text;        /* their text, for the screen */
	struct query q;           /* {db, &filter.where, &filter.count_where} */
	char *search, *search_folded;
	struct view *timeline;
	struct density *density;
	struct layer_set layers; /* the layers over the file, and their filtered rows */
	struct session_settings settings;
	/* the analyst's notebook (session_marks.c) */
	char *notes_path; /* NULL: no notebook (no home directory) */
	char *author;
	struct notebook *nb;        /* opened at the first mark, or when the file exists */
	struct session_mark *marks; /* the marked events shown, by id */
	size_t nmarks;
	unsigned long version, filter_version;
	/* live updates: the file's data_version and newest id when last looked at */
	long long data_version, max_id;
	long long updated_events; /* the file's meta "updated_events" (store.h) */
};

/* Compile the chips as they are now (session.c). */
int session_compile(struct session *s, struct filter_error *err);
void session_marks_free(struct session *s);

#endif
