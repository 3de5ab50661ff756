/* action: every user action, from one table: its name (for `:NAME` at the
 * command line and for key bindings by name), its default keys, a help group
 * and its help text. The help view, the keymap and the man page's KEYS
 * section are all generated from ACTION_TABLE, so they cannot drift apart. */
#ifndef SITREP_ACTION_H
#define SITREP_ACTION_H

#include "sitrep/strbuf.h"

/* _(ID, "name", "default keys", "group", "help text")
 * Keys are separated by spaces: a character, or a <Name> as keymap.h knows it. */
/* One action a line, so that the table reads as one. */
/* clang-format off */
#define ACTION_TABLE(_) \
	_(MOVE_DOWN, "move-down", "j <Down> <C-N>", "Moving", "Next event (next line in other views)") \
	_(MOVE_UP, "move-up", "k <Up> <C-P>", "Moving", "Previous event (previous line)") \
	_(PAGE_DOWN, "page-down", "<PgDn> <Space> <C-F>", "Moving", "One screen down") \
	_(PAGE_UP, "page-up", "<PgUp> b <C-B>", "Moving", "One screen up") \
	_(HALF_DOWN, "half-page-down", "<C-D>", "Moving", "Half a screen down") \
	_(HALF_UP, "half-page-up", "<C-U>", "Moving", "Half a screen up") \
	_(MOVE_FIRST, "move-first", "g <Home>", "Moving", "First event") \
	_(MOVE_LAST, "move-last", "G <End>", "Moving", "Last event") \
	_(CONTEXT_NEXT, "context-next", "]", "Moving", "Next context event") \
	_(CONTEXT_PREV, "context-prev", "[", "Moving", "Previous context event") \
	_(REVERSE, "reverse", "r", "Moving", "Newest first or oldest first") \
	_(ENTER, "enter", "<Enter>", "Views", "Open the event's detail view; in it, jump to the selected context event") \
	_(VIEW_CLOSE, "view-close", "q", "Views", "Leave the view; the last view quits") \
	_(QUIT, "quit", "Q", "Views", "Quit at once") \
	_(HELP, "help", "? <F1>", "Views", "This help") \
	_(COPY, "copy", "y", "Views", "Copy the selected event as a citation (date, place, title, actors, deaths, sources) to the terminal's clipboard (OSC 52)") \
	_(SEARCH, "search", "/", "Searching", "Search titles, descriptions, places, types and actors by whole words (word* for a prefix); a match the row cannot show is quoted in the status line") \
	_(FIND_NEXT, "find-next", "n", "Searching", "Next match") \
	_(FIND_PREV, "find-prev", "N", "Searching", "Previous match") \
	_(FILTER, "filter", "f", "Filtering", "Edit the filter (see FILTERS in sitrep(1))") \
	_(FILTER_CLEAR, "filter-clear", "F", "Filtering", "Clear the filter") \
	_(FILTER_REGION, "filter-region", "R", "Filtering", "Add the selected event's region to the filter") \
	_(FILTER_MONTH, "filter-month", "M", "Filtering", "Add the selected event's month to the filter") \
	_(FILTER_ACTOR, "filter-actor", "A", "Filtering", "Add the selected event's (or actor's) first actor to the filter") \
	_(AROUND, "around", "w", "Filtering", "Add the 15 days either side of the selected event to the filter (:around 30d; :around 50km for its surroundings)") \
	_(CHIPS, "chips", "c", "Filtering", "Select a filter chip: Left/Right choose, Space toggles, e edits, d removes, Esc leaves") \
	_(PROMPT, "prompt", ":", "Commands", "Command line: goto DATE, filter TEXT, export[!] FILE, quit, or any action's name") \
	_(REDRAW, "redraw", "<C-L>", "Commands", "Repaint the screen") \
	_(BUCKET_NEXT, "bucket-next", "}", "Density strip", "First event of the next non-empty bucket") \
	_(BUCKET_PREV, "bucket-prev", "{", "Density strip", "First event of the previous non-empty bucket") \
	_(ZOOM_IN, "zoom-in", "z", "Density strip", "Finer buckets: year, quarter, month, week, day") \
	_(ZOOM_OUT, "zoom-out", "Z", "Density strip", "Coarser buckets: day, week, month, quarter, year") \
	_(STRIP_TOGGLE, "strip-toggle", "S", "Density strip", "Show or hide the density strip") \
	_(ACTORS, "actors", "a", "Actors", "The actor panel: every actor in the filter, as a tree by affiliation") \
	_(SPLIT, "split", "s", "Actors", "Actors beside the timeline, or not") \
	_(FOCUS, "focus", "<Tab>", "Actors", "Move the focus between the actor panel and the timeline") \
	_(SORT, "sort", "o", "Actors", "Sort actors by count, fatalities, name or last seen (in turn)") \
	_(ACTOR_DETAIL, "actor-detail", "i", "Actors", "The selected actor's detail: aliases, affiliation, busiest months") \
	_(STAR, "star", "*", "Marks", "Star the selected event, or take your star off (kept in your notebook)") \
	_(TAG, "tag", "t", "Marks", "Tag the selected event: words, Tab completes from tags in use, -WORD takes a tag off") \
	_(NOTE, "note", "C", "Marks", "Write a note on the selected event, on the prompt line") \
	_(NOTE_EDITOR, "note-editor", "E", "Marks", "Write a note of several lines in $VISUAL or $EDITOR (else vi)") \
	_(FREQUENCY, "frequency", "%", "Frequency", "The frequency view: the filter's events by region, with deaths and share; Enter filters to the group") \
	_(FREQUENCY_GROUP, "frequency-group", ">", "Frequency", "In the frequency view: group by region, district, place, actor, type, month, year (in turn); o sorts") \
	_(MAP, "map", "m", "Map", "The map view: the filter's events on a map that fits them, the selected event marked; Enter filters to the cell under the cursor (near:LAT,LON<KM)") \
	_(MAP_SPLIT, "map-split", "|", "Map", "The map beside the timeline, or not (Tab moves the focus)") \
	_(MAP_WEST, "map-west", "h <Left>", "Map", "In the map: the cursor a cell west (j, k and the Up and Down arrows move it south and north); the map pans at its edge") \
	_(MAP_EAST, "map-east", "l <Right>", "Map", "In the map: the cursor a cell east") \
	_(MAP_ZOOM_IN, "map-zoom-in", "+", "Map", "In the map: zoom in on the cursor (the mouse wheel zooms on the pointer)") \
	_(MAP_ZOOM_OUT, "map-zoom-out", "-", "Map", "In the map: zoom out") \
	_(MAP_FIT, "map-fit", "0", "Map", "In the map: fit the filter's events again") \
	_(BEFORE_AFTER, "before-after", "B", "Views of time", "On a context event: the filter's incidents in equal windows before and after it, each figure with its change; in the view, B switches 30, 90, 180, 365 days") \
	_(DISTANCE, "distance", "D", "Views of time", "The filter's incidents' distance from the capital per bucket of the density strip (median and 10th percentile), context events marked") \
	_(LANES, "lanes", "L", "Views of time", "Actor swimlanes: the filter's top actors, one lane each, time across by the strip's buckets (z/Z); Enter filters to the lane's actor") \
	_(PEAK, "peak", "P", "Timeline", "The first event of the filter's peak: the density strip's fullest bucket at its zoom (shown at its right edge)")
/* clang-format on */

enum action {
	ACT_NONE,
#define ACTION_ENUM_(id, name, keys, group, help) ACT_##id,
	ACTION_TABLE(ACTION_ENUM_)
#undef ACTION_ENUM_
	    ACTION_COUNT
};

const char *action_name(enum action a);
const char *action_keys(enum action a); /* default keys, as in the table */
const char *action_group(enum action a);
const char *action_help(enum action a);
/* The action called name, or ACT_NONE. */
enum action action_lookup(const char *name);

/* The KEYS section's body for sitrep(1), in man(7) markup: one .TP entry
 * per action, grouped, keys written as in the help view. */
void action_man_keys(struct strbuf *out);

#endif
