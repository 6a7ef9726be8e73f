// Versioned schema migrations, applied in order. Never edit a shipped migration: append a new one.
// Version N is recorded in schema_migrations once migration N has run (inside one transaction).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema: sources, people, quotes, claims",
    sql: `
      CREATE TABLE sources (
        id                INTEGER PRIMARY KEY,
        content_hash      TEXT    NOT NULL UNIQUE,
        text              TEXT    NOT NULL,
        title             TEXT    NOT NULL DEFAULT '',
        outlet            TEXT    NOT NULL DEFAULT '',
        url               TEXT    NOT NULL DEFAULT '',
        published         TEXT    NOT NULL DEFAULT '',
        created_at        TEXT    NOT NULL,
        extractor_version TEXT    NOT NULL
      );

      CREATE TABLE people (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL,
        name_key TEXT NOT NULL,
        kind     TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'anonymous', 'unknown'))
      );
      CREATE INDEX people_name_key ON people (name_key);

      CREATE TABLE person_aliases (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        alias     TEXT    NOT NULL,
        alias_key TEXT    NOT NULL,
        PRIMARY KEY (person_id, alias)
      );
      CREATE INDEX person_aliases_alias_key ON person_aliases (alias_key);

      CREATE TABLE person_roles (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role      TEXT    NOT NULL,
        PRIMARY KEY (person_id, role)
      );

      -- which people an article mentions as speakers (whether or not a quote is attributed to them)
      CREATE TABLE source_people (
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (source_id, person_id)
      );
      CREATE INDEX source_people_person ON source_people (person_id);

      CREATE TABLE quotes (
        id                INTEGER PRIMARY KEY,
        source_id         INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        start             INTEGER NOT NULL,
        end               INTEGER NOT NULL,
        text              TEXT    NOT NULL,
        kind              TEXT    NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
        speaker_mention   TEXT,
        speaker_start     INTEGER,
        speaker_end       INTEGER,
        speaker_canonical TEXT,
        speaker_kind      TEXT    NOT NULL,
        person_id         INTEGER REFERENCES people (id) ON DELETE SET NULL,
        cue               TEXT,
        cue_start         INTEGER,
        cue_end           INTEGER,
        via               TEXT,
        sieve             TEXT    NOT NULL,
        confidence        REAL    NOT NULL
      );
      CREATE INDEX quotes_source ON quotes (source_id, start);
      CREATE INDEX quotes_person ON quotes (person_id);

      CREATE TABLE claims (
        id            INTEGER PRIMARY KEY,
        source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL,
        text          TEXT    NOT NULL,
        reason        TEXT    NOT NULL,
        trigger       TEXT    NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end   INTEGER NOT NULL,
        explanation   TEXT    NOT NULL
      );
      CREATE INDEX claims_source ON claims (source_id, start);
      CREATE INDEX claims_reason ON claims (reason);
    `,
  },
];
