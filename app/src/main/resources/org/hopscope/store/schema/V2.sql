-- Schema v2: playbook step state and evidence snapshots.
CREATE TABLE step_state (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  playbook_id TEXT NOT NULL,
  step_id TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  done_by TEXT,
  done_at INTEGER,
  last_outcome TEXT,
  PRIMARY KEY (incident_id, playbook_id, step_id)
);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('FLOW_JSON', 'METRIC_SERIES', 'CHART_PNG', 'WINDOW_REPORT')),
  title TEXT NOT NULL,
  query TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  content BLOB NOT NULL
);
CREATE INDEX evidence_incident ON evidence (incident_id, created_at, id);
