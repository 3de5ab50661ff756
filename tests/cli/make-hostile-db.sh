#!/bin/sh
# make-hostile-db.sh SOURCE.db OUT.db: a copy of a sitrep database whose
# tables lose their types and constraints (as a file made by another tool
# can) and gain events, actors, sources, places and meta rows holding
# every value a reader must survive: NULL in every column, blobs where
# text belongs, text where numbers belong, a 1 MB description, dates of
# year 0 and 99999 or no date at all, latitude 999, fatalities that add
# up past 2^63, escape sequences, a parent cycle. SYNTHETIC: every row
# this script adds is made up, for tests only; none is a real event.
set -eu
src=$1 out=$2
rm -f "$out"
cp "$src" "$out"
# Declared types and NOT NULL / CHECK constraints go: a file from
# elsewhere need not have them (SQLite keeps any value in any column).
sqlite3 "$out" <<'SQL'
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = 'CREATE TABLE event (id INTEGER PRIMARY KEY, kind, date_start,
  date_end, date_precision, title, description, event_type, sub_event_type, location, admin1,
  admin2, country, lat, lon, geo_precision, fatalities, fatalities_low, fatalities_high,
  fatalities_note, origin, origin_id, extra, fingerprint, actor_names,
  UNIQUE (origin_id, origin))' WHERE type = 'table' AND name = 'event';
UPDATE sqlite_schema SET sql = 'CREATE TABLE actor (id INTEGER PRIMARY KEY, name UNIQUE, kind,
  parent_id, description)' WHERE type = 'table' AND name = 'actor';
UPDATE sqlite_schema SET sql = 'CREATE TABLE source (id INTEGER PRIMARY KEY, event_id, title,
  publisher, url, published, quote, fatalities)' WHERE type = 'table' AND name = 'source';
UPDATE sqlite_schema SET sql = 'CREATE TABLE place (id INTEGER PRIMARY KEY, name, name_en,
  folded, kind, admin1, lat, lon, population, osm_id)' WHERE type = 'table' AND name = 'place';
UPDATE sqlite_schema SET sql = 'CREATE TABLE meta (key PRIMARY KEY, value) WITHOUT ROWID'
  WHERE type = 'table' AND name = 'meta';
-- (a WITHOUT ROWID table keeps its key NOT NULL: the file would be damaged)
UPDATE sqlite_schema SET sql = 'CREATE TABLE event_actor (event_id, actor_id, role,
  PRIMARY KEY (event_id, actor_id, role)) WITHOUT ROWID'
  WHERE type = 'table' AND name = 'event_actor';
UPDATE sqlite_schema SET sql = 'CREATE TABLE actor_alias (folded PRIMARY KEY, alias,
  actor_id) WITHOUT ROWID' WHERE type = 'table' AND name = 'actor_alias';
SQL
sqlite3 "$out" <<'SQL'
-- synthetic: hostile rows for tests only
BEGIN;
-- NULL in every column
INSERT INTO event (id) VALUES (1001);
-- a blob title (not UTF-8, a NUL, an escape), blobs for place and origin id
INSERT INTO event VALUES (1002, 'incident', '2022-01-10', '2022-01-10', 'day',
  X'00FF1B5B324A', X'1B5D303B50574E4507', X'C0AF', 'sub', X'FFFE', 'Mopti', NULL, 'Mali',
  14.5, -4.2, 1, 3, NULL, NULL, NULL, 'synthetic', X'00', NULL, 0, NULL);
-- text where numbers go; numbers where text goes
INSERT INTO event VALUES (1003, 7, 20220110, 20220111, 3, 42, 4.5, 1, 2, 3, 4, 5, 6,
  'north', 'east', 'high', 'many', 'few', X'01', 9, 'synthetic', 1003, 17, 'x', 5);
-- a 1 MB description, a long text as the date
INSERT INTO event VALUES (1004, 'incident', '2022-01-10T12:00:00Z', '2022-01-10T13:00:00Z',
  'day', 'long description', replace(hex(zeroblob(524288)), '00', 'ab'), NULL, NULL,
  'Gao', 'Gao', NULL, 'Mali', 16.27, -0.04, 2, 0, NULL, NULL,
  replace(hex(zeroblob(4096)), '00', 'n '), 'synthetic', 'h-1004', NULL, 0, NULL);
-- year 0 and year 99999, dates that do not read, precision unknown
INSERT INTO event VALUES (1005, 'incident', '0000-01-01', '0000-01-01', 'day', 'year zero',
  NULL, 'Battles', NULL, 'Kidal', 'Kidal', NULL, 'Mali', 18.44, 1.41, 1, 1, NULL, NULL, NULL,
  'synthetic', 'h-1005', NULL, 0, NULL);
INSERT INTO event VALUES (1006, 'context', '99999-01-01', '99999-12-31', 'fortnight',
  'year 99999', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, 'synthetic', 'h-1006', NULL, 0, NULL);
INSERT INTO event VALUES (1007, 'incident', '2020-13-45', '2020-01-01', 'month', 'bad month',
  NULL, 'Battles', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, -5, -1, -2, NULL,
  'synthetic', 'h-1007', '{"broken":', 0, NULL);
-- an end before the start, latitude 999, an infinity, a blob as a date
INSERT INTO event VALUES (1008, 'incident', '2022-03-01', '2021-03-01', 'day', 'backwards',
  NULL, NULL, NULL, 'nowhere', NULL, NULL, NULL, 999, 999, -3, 2.5, NULL, NULL, NULL,
  'synthetic', 'h-1008', X'7B7D', 0, NULL);
INSERT INTO event VALUES (1009, 'incident', X'323032322D30312D3130', NULL, NULL, 'blob date',
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1e999, -1e999, NULL, X'FF', NULL, NULL, NULL,
  'synthetic', 'h-1009', NULL, 0, NULL);
-- fatalities that overflow a 64-bit sum, in one year and one type
INSERT INTO event VALUES (1010, 'incident', '2022-06-01', '2022-06-01', 'day', 'huge figure',
  NULL, 'Battles', NULL, 'Sevare', 'Mopti', NULL, 'Mali', 14.53, -4.1, 1,
  9223372036854775807, 9223372036854775807, 9223372036854775807, NULL, 'synthetic', 'h-1010',
  NULL, 0, NULL);
INSERT INTO event VALUES (1011, 'incident', '2022-06-02', '2022-06-02', 'day', 'another 784',
  NULL, 'Battles', NULL, 'Sevare', 'Mopti', NULL, 'Mali', 14.53, -4.1, 1, 784, NULL, NULL,
  NULL, 'synthetic', 'h-1011', NULL, 0, NULL);
-- escape sequences in every text column, and an extra object with them
INSERT INTO event VALUES (1012, 'incident', '2022-02-02', '2022-02-02', 'day',
  'PWN' || char(27) || ']52;c;SElKQUNL' || char(7) || 'X', 'd' || char(27) || '[2J' || char(155) || '31m',
  'Battles' || char(27) || '[31m', NULL, 'Bam' || char(27) || 'P1$qm' || char(27) || '\ako',
  'Koulikoro' || char(8) || char(13), NULL, char(8238) || 'ilaM', 12.6, -8, 1, 1, NULL, NULL,
  char(27) || ']0;title' || char(7), 'synthetic', 'h-1012',
  '{"k' || char(27) || '[1m":"v' || char(27) || ']0;x' || char(7) || '"}', 0, NULL);
-- extreme ids
INSERT INTO event VALUES (9223372036854775807, 'incident', '2022-01-01', '2022-01-01', 'day',
  'max id', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  'synthetic', 'h-max', NULL, 0, NULL);
INSERT INTO event VALUES (-5, 'incident', '2022-01-01', '2022-01-01', 'day', 'negative id',
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  'synthetic', 'h-neg', NULL, 0, NULL);
INSERT INTO event VALUES (0, 'incident', NULL, NULL, NULL, 'null date', NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'synthetic', 'h-zero', NULL,
  0, NULL);
-- actors: no name, a blob name, an escape, a parent cycle
INSERT INTO actor VALUES (9001, NULL, NULL, NULL, NULL);
INSERT INTO actor VALUES (9002, X'FF00', 'militia', 9003, X'00');
INSERT INTO actor VALUES (9003, 'Cycle' || char(27) || '[31m', 7, 9002, 'loops');
INSERT INTO actor VALUES (9004, 'Self parent', 'rebel', 9004, NULL);
INSERT INTO actor_alias VALUES ('', NULL, 9001);
INSERT INTO actor_alias VALUES ('cycle', X'00', 9003);
INSERT INTO event_actor VALUES (1002, 9001, 'actor1');
INSERT INTO event_actor VALUES (1002, 9002, 'title');
INSERT INTO event_actor VALUES (1003, 9003, '');
INSERT INTO event_actor VALUES (1012, 9003, 'actor1');
INSERT INTO event_actor VALUES (1012, 9004, X'00');
INSERT INTO event_actor VALUES (1001, 424242, 'actor2');
INSERT INTO event_actor VALUES ('x', 9004, 'actor2');
-- sources: all NULL, figures that are not counts, escapes
INSERT INTO source VALUES (NULL, 1001, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO source VALUES (NULL, 1002, X'FF', 7, char(27) || ']8;;http://evil' || char(7),
  '2022-99-99', X'00', 'x');
INSERT INTO source VALUES (NULL, 1012, 'Reporter' || char(27) || '[5m', 'Pub', 'http://a/',
  '2022-02-02', 'q' || char(7), -4);
INSERT INTO source VALUES (NULL, 1010, 's', 'p', NULL, NULL, NULL, 9223372036854775807);
-- places that are not on the globe, and a capital that is one of them
INSERT INTO place VALUES (NULL, 'Nowhere', NULL, 'nowhere', 'town', NULL, 'x', 'y', 'many', 1);
INSERT INTO place VALUES (NULL, NULL, NULL, NULL, NULL, NULL, 999, 999, NULL, 2);
INSERT INTO place VALUES (NULL, X'1B5B324A', NULL, 'blob', NULL, NULL, 14.5, -4.2, -7, 3);
UPDATE meta SET value = 'Nowhere' WHERE key = 'capital';
INSERT INTO meta VALUES ('bad' || char(10) || '@event' || char(10) || 'id', 'x');
INSERT INTO meta VALUES ('nullvalue', NULL);
INSERT INTO meta VALUES ('blobvalue', X'1B5B324A');
INSERT INTO meta VALUES (X'00', 'blob key');
-- the per-day counts, wrong on purpose
INSERT OR REPLACE INTO event_day VALUES ('2022-01-10', -3, 'x');
INSERT OR REPLACE INTO event_day VALUES (X'00', 9223372036854775807, 9223372036854775807);
COMMIT;
SQL
