-- Schema 1 of the corpus store (see gazetteer/store.py). Statements end with ';'.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL UNIQUE,
    url TEXT UNIQUE,
    outlet TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    published_basis TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    extractor_version TEXT NOT NULL,
    event_id TEXT NOT NULL, date TEXT NOT NULL DEFAULT '',
    date_precision TEXT NOT NULL DEFAULT '', event_type TEXT NOT NULL,
    place TEXT NOT NULL, lat REAL, lon REAL, actor TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '', excerpt TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, confidence REAL,
    place_approximate INTEGER NOT NULL DEFAULT 0,
    highlight_start INTEGER, highlight_end INTEGER, extra TEXT NOT NULL DEFAULT '{}',
    UNIQUE (article_id, char_start, char_end, event_type, place)
);
CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    extractor_version TEXT NOT NULL,
    event_type TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '', date_precision TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT '', excerpt TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    highlight_start INTEGER, highlight_end INTEGER, reason TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    UNIQUE (article_id, char_start, char_end, event_type, place)
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    article_sha256 TEXT NOT NULL REFERENCES articles(sha256),
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    event_type TEXT NOT NULL, place TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'candidate')),
    decision TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'correct')),
    reason TEXT NOT NULL DEFAULT '', corrected TEXT NOT NULL DEFAULT '{}',
    reviewer TEXT NOT NULL, decided_at TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX candidates_article ON candidates(article_id);
CREATE INDEX decisions_evidence ON decisions(article_sha256, char_start, char_end);
