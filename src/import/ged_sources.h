/* ged_sources: one entry of UCDP GED's source_article as a source. GED
 * 19.1 and later write "Publisher,YYYY-MM-DD,Headline"; its older rows
 * write what the coders typed: `Reuters 1989-05-17 "HEADLINE`,
 * `Reuters (1989-10-01): "HEADLINE".`, `Mizzima News, Headline, 2013-07-25`,
 * `The News 14/6` (day/month, the year the event's), `R 31/10 1997`, a
 * publisher alone (`SATP`), a web address. Publisher and date are taken out
 * where they are there, so that `source:Reuters` finds them. Pure. */
#ifndef SITREP_GED_SOURCES_H
#define SITREP_GED_SOURCES_H

#include "sitrep/date.h"
#include "sitrep/store.h"

/* Parse the entry a (its quotes around it already removed) in place into
 * s (cleared first; fatalities -1). event_start: the event's first day, for
 * a date without its year; date: room for a date the entry writes as
 * day/month (s->published may point there). */
void ged_source_parse(char *a, long event_start, struct source_in *s, char date[DATE_ISO_LEN]);

#endif
