-- sitrep database schema, version 3 (PRAGMA user_version = 3,
-- PRAGMA application_id = 0x53495452, "SITR").
-- Documented for users of the sqlite3 shell in sitrep(1), section DATABASE.
-- Dates are ISO 8601 text; an event covers the days date_start..date_end,
-- and date_precision says how much of that is known. CHECKs are written
-- as OR chains: an IN list costs a temporary table per inserted row.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE event (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind = 'incident' OR kind = 'context'),
  date_start      TEXT NOT NULL,
  date_end        TEXT NOT NULL,
  date_precision  TEXT NOT NULL CHECK (date_precision = 'day' OR date_precision = 'month'
                                         OR date_precision = 'year'),
  title           TEXT NOT NULL,
  description     TEXT,
  event_type      TEXT,
  sub_event_type  TEXT,
  location        TEXT,
  admin1          TEXT,
  admin2          TEXT,
  country         TEXT,
  lat             REAL,
  lon             REAL,
  geo_precision   INTEGER,
  fatalities      INTEGER,
  fatalities_low  INTEGER,
  fatalities_high INTEGER,
  fatalities_note TEXT,
  origin          TEXT NOT NULL,
  origin_id       TEXT NOT NULL,
  -- Every source column with no column here, as a JSON object keyed by the
  -- source's header name, values as text exactly as read; NULL when none.
  extra           TEXT,
  fingerprint     INTEGER NOT NULL DEFAULT 0,
  -- The actors' names as the source gave them, each followed by the
  -- actor's own name in parentheses when that differs: what free-text
  -- search finds an event's actors by.
  actor_names     TEXT,
  UNIQUE (origin_id, origin) -- origin_id first: look-ups by id alone use it too
);

CREATE TABLE actor (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT,
  parent_id   INTEGER REFERENCES actor (id),
  description TEXT
);

-- Every name an actor goes by, its own name included; folded is the
-- lower-case, accent-free form that matching uses.
CREATE TABLE actor_alias (
  folded   TEXT PRIMARY KEY,
  alias    TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES actor (id)
) WITHOUT ROWID;

CREATE TABLE event_actor (
  event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  role     TEXT NOT NULL CHECK (role = 'actor1' OR role = 'actor2' OR role = 'assoc'
                        OR role = 'claimed' OR role = 'target' OR role = 'involved'),
  PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;

CREATE TABLE source (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  title      TEXT,
  publisher  TEXT,
  url        TEXT,
  published  TEXT,
  quote      TEXT,
  fatalities INTEGER
);

CREATE TABLE place (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_en    TEXT,
  folded     TEXT NOT NULL,
  kind       TEXT,
  admin1     TEXT,
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  population INTEGER,
  osm_id     INTEGER
);

-- Free text indexes the event table's own columns (external content): the
-- text is stored once, and the index holds only the words.
CREATE VIRTUAL TABLE event_fts USING fts5 (
  title, description, location, admin2, admin1, actor_names,
  content = 'event', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Events and context events per first day, the density strip's unfiltered
-- histogram without a pass over the events. Rewritten by every import in
-- its own transaction; a reader trusts it only while its total matches
-- count(*) of event.
CREATE TABLE event_day (
  date_start TEXT PRIMARY KEY,
  events     INTEGER NOT NULL,
  context    INTEGER NOT NULL
) WITHOUT ROWID;

-- The timeline's order is (date_start, id); every field filter has an
-- index that ends in that order so a filtered page is a range scan.
CREATE INDEX event_date ON event (date_start);
-- Context events only (a few in a hundred): kind:context and the strip's
-- context marks read it; kind:incident, nearly every event, is a walk of
-- event_date. A full (kind, date_start) index cost an import as much as
-- any other, for that one small set.
CREATE INDEX event_context_date ON event (date_start) WHERE kind = 'context';
CREATE INDEX event_type_date ON event (event_type, date_start);
CREATE INDEX event_admin1_date ON event (admin1, date_start);
CREATE INDEX event_actor_actor ON event_actor (actor_id, event_id);
CREATE INDEX source_event ON source (event_id);
CREATE INDEX actor_parent ON actor (parent_id);
CREATE INDEX place_folded ON place (folded);
CREATE INDEX place_lat ON place (lat);
CREATE UNIQUE INDEX place_osm ON place (osm_id);

-- filter indexes
-- The longest event (max of this expression, one index seek) bounds
-- date_start for since:/date:, so those stay range scans on event_date.
-- Only events not one day long are in it: most are, and the queries
-- (filter_resolve.c) repeat the WHERE term to be served by it.
CREATE INDEX event_span ON event (julianday(date_end) - julianday(date_start))
  WHERE julianday(date_end) - julianday(date_start) IS NOT 0;
CREATE INDEX event_subtype_date ON event (sub_event_type, date_start);
CREATE INDEX event_admin2_date ON event (admin2, date_start);
CREATE INDEX event_location_date ON event (location, date_start);
CREATE INDEX event_country_date ON event (country, date_start);
-- near: counts and sets of ids read the box from this index alone.
CREATE INDEX event_lat_lon ON event (lat, lon);
-- fatalities:N is an ordered range; a range of values a covering set of ids.
CREATE INDEX event_fatalities_date ON event (fatalities, date_start);
CREATE INDEX source_publisher ON source (publisher);
-- ACLED's columns kept in extra that filters name (filter_fields.c):
-- each holds only the events that have the column, in the timeline's
-- order. Files made before these existed gain them at their next import
-- (db_add_indexes); read-only, such a file is filtered by a walk instead.
CREATE INDEX event_interaction_date ON event (json_extract(extra, '$.interaction'), date_start)
  WHERE json_extract(extra, '$.interaction') IS NOT NULL;
CREATE INDEX event_tags_date ON event (json_extract(extra, '$.tags'), date_start)
  WHERE json_extract(extra, '$.tags') IS NOT NULL;
CREATE INDEX event_admin3_date ON event (json_extract(extra, '$.admin3'), date_start)
  WHERE json_extract(extra, '$.admin3') IS NOT NULL;
CREATE INDEX event_civilians_date ON event (date_start)
  WHERE json_extract(extra, '$.civilian_targeting') IS NOT NULL;
-- precision:month|year (a few events in a hundred) and precision:range
-- (days known, more than one: about one in a hundred), in the timeline's
-- order; the queries repeat the WHERE terms word for word.
CREATE INDEX event_precision_date ON event (date_precision, date_start)
  WHERE date_precision <> 'day';
CREATE INDEX event_range_date ON event (date_start)
  WHERE date_precision = 'day' AND date_end <> date_start;
