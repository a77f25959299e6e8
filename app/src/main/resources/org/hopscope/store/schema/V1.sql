-- Schema v1: incidents, their timeline, notes.
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
  path TEXT,
  window_from INTEGER,
  window_to INTEGER,
  status TEXT NOT NULL CHECK (status IN ('OPEN', 'MITIGATED', 'RESOLVED')),
  opened_at INTEGER NOT NULL,
  detected_at INTEGER,
  mitigated_at INTEGER,
  resolved_at INTEGER,
  opened_by TEXT NOT NULL,
  CHECK ((window_from IS NULL) = (window_to IS NULL))
);
CREATE INDEX incidents_opened ON incidents (opened_at, id);
CREATE TABLE timeline (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_incident ON timeline (incident_id, at, id);
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER REFERENCES incidents (id) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('INCIDENT', 'STEP', 'HOP', 'MESSAGE')),
  key TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX notes_scope ON notes (ifnull(incident_id, 0), scope, key);
