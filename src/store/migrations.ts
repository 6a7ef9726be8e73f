// Versioned schema migrations, applied in order. Never edit a shipped migration: append a new one.
// Version N is recorded in schema_migrations once migration N has run (inside one transaction).

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Run with foreign-key enforcement off (SQLite's documented way to rebuild a table that others
   * reference: dropping it with enforcement on would cascade-delete their rows). The runner checks
   * every foreign key before committing.
   */
  rebuildsTables?: boolean;
}

/**
 * SQL for one CSV field of a text column, by src/web/csv.ts's rules (decision 017): '' for NULL and
 * empty; a leading ' before = + - @, a tab, a CR or their full-width forms; quoted, with quote marks
 * doubled, when it holds a comma, a quote mark, a CR or a LF. (The guard adds no character that needs
 * quoting, so the test reads the value itself.) The guard is a CASE over the first character: written
 * as `unicode(v) IN (10 values)` (csvTextCellInList, migrations 66 and 68), SQLite builds a temporary
 * index for the list, and with two such lists in one expression it built them again for every row
 * (8 cells: ~140 µs a statement, against ~6 µs so; decision 029).
 */
export function csvTextCell(v: string): string {
  const guarded = `CASE unicode(${v}) ${FORMULA_STARTS.map((c) => `WHEN ${c} THEN '''' || ${v}`).join(" ")} ELSE ${v} END`;
  return cellOf(v, guarded);
}

/** = + - @ \t \r and their full-width forms: the first characters csv.ts guards with a ' */
const FORMULA_STARTS = [61, 43, 45, 64, 9, 13, 65309, 65291, 65293, 65312] as const;

/** csvTextCell as migrations 66 and 68 wrote it (the same values; their SQL stays as shipped). */
export function csvTextCellInList(v: string): string {
  return cellOf(v, `CASE WHEN unicode(${v}) IN (${FORMULA_STARTS.join(", ")}) THEN '''' || ${v} ELSE ${v} END`);
}

function cellOf(v: string, guarded: string): string {
  return `CASE WHEN ${v} IS NULL OR ${v} = '' THEN ''
    WHEN instr(${v}, '"') > 0 OR instr(${v}, ',') > 0 OR instr(${v}, char(13)) > 0 OR instr(${v}, char(10)) > 0
      THEN '"' || replace(${guarded}, '"', '""') || '"'
    ELSE ${guarded} END`;
}

/**
 * The CSV fields kind, text, speaker_mention, speaker_canonical, person_id, cue, via, sieve of a
 * statement (`row` is "new." or "q."), joined by commas: migration 66's cells, and their SQL for a
 * statement that has none.
 */
export function quoteCsvCellsSql(row: string, cell: (v: string) => string = csvTextCell): string {
  const text = (c: string) => cell(`${row}${c}`);
  return [text("kind"), text("text"), text("speaker_mention"), text("speaker_canonical"),
    `coalesce(CAST(${row}person_id AS TEXT), '')`, text("cue"), text("via"), text("sieve")].map((e) => `(${e})`).join(" || ',' || ");
}

/** The CSV fields title, outlet of an article (`row` is "new." or "s."), joined by a comma: migration 68's cells. */
export function sourceCsvCellsSql(row: string, cell: (v: string) => string = csvTextCell): string {
  return `(${cell(`${row}title`)}) || ',' || (${cell(`${row}outlet`)})`;
}

/**
 * SQL for a number's CSV field as src/web/csv.ts writes it ("" + value, JavaScript's shortest text that
 * reads back as the same double), or NULL where SQL cannot be sure to give that text: `printf('%.15g')`
 * is JavaScript's text when it reads back as the same value (then the shortest text has at most 15
 * digits, and rounding to 15 digits gives those digits) and the value lies where both write plain
 * decimals (1e-4 <= |v| < 1e15; 0 and -0 are "0"). Anything else (a value needing 16 or 17 digits, a
 * tiny or huge one, a value that is not a REAL) is NULL: the export formats that row itself.
 */
export function csvRealCell(v: string): string {
  return `CASE WHEN typeof(${v}) <> 'real' THEN NULL WHEN ${v} = 0 THEN '0'
    WHEN abs(${v}) >= 0.0001 AND abs(${v}) < 1e15 AND CAST(printf('%.15g', ${v}) AS REAL) = ${v} THEN printf('%.15g', ${v}) END`;
}

/**
 * /quotes.csv's whole record of a statement (QUOTE_CSV_COLUMNS, with its CRLF) by csv.ts's rules, from
 * `q` (quotes), `s` (its source: `sourceCells` is the title and outlet cells, read from `s.` or from
 * migration 68's `sc.cells`), `gm` / `g` (its group member row and group) and `r` (its review), all
 * joined by QUOTE_CSV_ROW_FROM: migration 80's stored rows. NULL when the confidence is not one
 * csvRealCell can write. A group's label and a review status are words of their CHECK lists, which
 * need no escaping (tested).
 */
export function quoteCsvRowSql(sourceCells: string): string {
  return `(q.id || ',' || q.source_id || ',' || ${sourceCells} || ',' || ${quoteCsvCellsSql("q.")}
      || ',' || (${csvRealCell("q.confidence")})
      || ',' || q.start || ',' || q.end || ',' || coalesce(CAST(gm.group_id AS TEXT), '') || ',' || coalesce(g.label, '')
      || ',' || q.review_status || ',' || CASE WHEN r.id IS NULL THEN ',0,,' ELSE (${csvTextCell("r.reviewer")})
      || ',' || r.corrected || ',' || (${csvTextCell("json_extract(r.state, '$.reason')")})
      || ',' || (${csvTextCell("nullif(json_extract(r.state, '$.note'), '')")}) END || char(13, 10))`;
}

/** What quoteCsvRowSql reads, joined to `quotes q` (sc: migration 68's source cells). */
export const QUOTE_CSV_ROW_FROM = `quotes q JOIN sources s ON s.id = q.source_id
      LEFT JOIN statement_group_members gm ON gm.quote_id = q.id LEFT JOIN statement_groups g ON g.id = gm.group_id
      LEFT JOIN reviews r ON r.quote_id = q.id`;

/** Rows of quotes inserted inside a bulk batch (migration 50's fts_deferred) are left to the batch's end. */
const notDeferred = (row: string) => `${row}id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'quotes'), 9223372036854775807)`;

/**
 * A trigger's statement writing migration 80's rows of the statements `where` selects (over the view
 * quote_csv_records: `quote_id`, `source_id`; not those a bulk batch holds back). One view holds the
 * record's SQL, so the schema holds it once, not once per trigger (210 KB of trigger text otherwise,
 * ~3 MB more of every server's RSS).
 */
function refreshCsvRows(where: string): string {
  return `INSERT INTO quote_csv_rows (quote_id, csv)
          SELECT quote_id, csv FROM quote_csv_records WHERE ${where} AND ${notDeferred("quote_")}
          ON CONFLICT (quote_id) DO UPDATE SET csv = excluded.csv;`;
}

/** Claims inserted inside a bulk batch (migration 50's fts_deferred) are counted at the batch's end. */
const claimNotDeferred = (row: string) => `${row}id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'claims'), 9223372036854775807)`;

/** The person page's rank of a group label (conflicts first), as SQL over `label`. */
export function PERSON_GROUP_LABEL_RANK(label: string): string {
  return `CASE ${label} WHEN 'conflicting attribution' THEN 0 WHEN 'altered wording' THEN 1
    WHEN 'paraphrase' THEN 2 WHEN 'trimmed' THEN 3 WHEN 'identical' THEN 4 ELSE 5 END`;
}

/** Migration 84's rows of the groups `where` selects (over `m`, the members), as a SELECT. */
export function personGroupRowsSql(where: string): string {
  return `SELECT q.person_id, m.group_id, g.source_count, ${PERSON_GROUP_LABEL_RANK("g.label")}, g.person_count,
      min(q.source_id), min(q.start)
    FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id JOIN statement_groups g ON g.id = m.group_id
    WHERE q.person_id IS NOT NULL AND ${where} GROUP BY m.group_id, q.person_id`;
}

/** A trigger's statements writing migration 84's rows of one group afresh. */
function refreshPersonGroupSql(group: string): string {
  return `DELETE FROM person_groups WHERE group_id = ${group};
        INSERT INTO person_groups (person_id, group_id, source_count, label_rank, person_count, first_source, first_start)
          ${personGroupRowsSql(`m.group_id = ${group}`)};`;
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
  {
    version: 2,
    name: "comparison: reviewer decisions about people, statement groups, word fingerprints",
    sql: `
      -- A reviewer's decision about who is who, stored by name key (not by row id) so that it survives
      -- re-ingest and re-extraction, which rebuild people rows. merge: names with alias_key belong to the
      -- person whose name key is person_key. split: names with alias_key are never that person.
      -- scope is '' (everywhere) or a source's content hash: a one-word name is merged only in the
      -- articles where the reviewer saw it, since it names different people elsewhere.
      CREATE TABLE person_overrides (
        id          INTEGER PRIMARY KEY,
        decision    TEXT NOT NULL CHECK (decision IN ('merge', 'split')),
        alias_key   TEXT NOT NULL,
        alias       TEXT NOT NULL,
        person_key  TEXT NOT NULL,
        person_name TEXT NOT NULL,
        scope       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        UNIQUE (decision, alias_key, scope, person_key)
      );
      CREATE INDEX person_overrides_person ON person_overrides (person_key);

      -- Statements (quotes with a person) that report the same statement, across sources. Recomputed
      -- from the quotes whenever they change; ids are kept for groups whose members did not change.
      CREATE TABLE statement_groups (
        id                 INTEGER PRIMARY KEY,
        label              TEXT    NOT NULL CHECK (label IN ('conflicting attribution', 'altered wording',
                                     'paraphrase', 'trimmed', 'identical', 'one source only')),
        reference_quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
        negation_changed   INTEGER NOT NULL DEFAULT 0 CHECK (negation_changed IN (0, 1)),
        number_changed     INTEGER NOT NULL DEFAULT 0 CHECK (number_changed IN (0, 1)),
        source_count       INTEGER NOT NULL,
        person_count       INTEGER NOT NULL,
        member_count       INTEGER NOT NULL
      );
      CREATE INDEX statement_groups_label ON statement_groups (label, source_count);
      CREATE INDEX statement_groups_reference ON statement_groups (reference_quote_id);

      CREATE TABLE statement_group_members (
        quote_id         INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
        group_id         INTEGER NOT NULL REFERENCES statement_groups (id) ON DELETE CASCADE,
        relation         TEXT    NOT NULL CHECK (relation IN ('reference', 'identical', 'trimmed',
                                   'altered wording', 'paraphrase')),
        other_speaker    INTEGER NOT NULL DEFAULT 0 CHECK (other_speaker IN (0, 1)),
        negation_changed INTEGER NOT NULL DEFAULT 0 CHECK (negation_changed IN (0, 1)),
        number_changed   INTEGER NOT NULL DEFAULT 0 CHECK (number_changed IN (0, 1))
      );
      CREATE INDEX statement_group_members_group ON statement_group_members (group_id);

      -- Winnowed word fingerprints of attributed quotes: the index that finds the same words across
      -- the corpus (whoever they are attributed to) without comparing every pair.
      CREATE TABLE quote_fingerprints (
        fingerprint INTEGER NOT NULL,
        quote_id    INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
        PRIMARY KEY (fingerprint, quote_id)
      ) WITHOUT ROWID;
      CREATE INDEX quote_fingerprints_quote ON quote_fingerprints (quote_id);

      -- Small facts about the database as a whole ("groups_version": which grouping the groups are from).
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "review: verdicts, corrections and their append-only trail, following statements across re-extraction",
    sql: `
      -- The verdict of each quote and claim, materialised on the row so that listings, people, groups and
      -- conflicts can leave rejected statements out without a join. The reviews table is the truth.
      ALTER TABLE quotes ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (review_status IN ('unreviewed', 'confirmed', 'rejected', 'needs-check'));
      ALTER TABLE claims ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (review_status IN ('unreviewed', 'confirmed', 'dismissed'));
      CREATE INDEX quotes_review_status ON quotes (review_status);

      -- One review per reviewed statement or claim. It follows its item when the article is re-extracted
      -- (quote_id / claim_id are re-pointed at the new row by span overlap); when the new extraction
      -- disagrees, conflict says how, until a reviewer resolves it. extracted: the machine's record the
      -- review is about (JSON); state: verdict, reason, note and corrections (JSON).
      CREATE TABLE reviews (
        id         INTEGER PRIMARY KEY,
        subject    TEXT    NOT NULL CHECK (subject IN ('quote', 'claim')),
        source_id  INTEGER NOT NULL REFERENCES sources (id),
        quote_id   INTEGER UNIQUE REFERENCES quotes (id) ON DELETE SET NULL,
        claim_id   INTEGER UNIQUE REFERENCES claims (id) ON DELETE SET NULL,
        extracted  TEXT    NOT NULL,
        state      TEXT    NOT NULL,
        status     TEXT    NOT NULL,
        corrected  INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
        conflict   TEXT,
        revision   INTEGER NOT NULL DEFAULT 0,
        reviewer   TEXT    NOT NULL,
        updated_at TEXT    NOT NULL
      );
      CREATE INDEX reviews_source ON reviews (source_id);
      CREATE INDEX reviews_conflict ON reviews (source_id) WHERE conflict IS NOT NULL;

      -- The audit trail: every verdict, correction, undo, carry-over and resolution, never updated or
      -- deleted (the triggers refuse it). before/after are the review's state as JSON.
      CREATE TABLE review_events (
        id         INTEGER PRIMARY KEY,
        review_id  INTEGER NOT NULL REFERENCES reviews (id),
        revision   INTEGER NOT NULL,
        created_at TEXT    NOT NULL,
        reviewer   TEXT    NOT NULL,
        subject    TEXT    NOT NULL CHECK (subject IN ('quote', 'claim')),
        source_id  INTEGER NOT NULL,
        item_id    INTEGER,
        action     TEXT    NOT NULL,
        before     TEXT    NOT NULL,
        after      TEXT    NOT NULL,
        note       TEXT    NOT NULL DEFAULT '',
        undoes     INTEGER REFERENCES review_events (id)
      );
      CREATE INDEX review_events_review ON review_events (review_id, id);
      CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events
        BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;
      CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events
        BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;
    `,
  },
  {
    version: 10,
    name: "people: entity kinds (media, place, document, group) and a surname key for joining 'Mr X' to a full name",
    rebuildsTables: true,
    sql: `
      CREATE TABLE people_new (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'media', 'place', 'document',
                                                  'group', 'anonymous', 'unknown')),
        -- last word of a multi-word name key ("tony blair" → "blair"), NULL for one-word names
        surname_key TEXT
      );
      INSERT INTO people_new (id, name, name_key, kind, surname_key)
        SELECT id, name, name_key, kind,
               CASE WHEN instr(name_key, ' ') > 0 THEN replace(name_key, rtrim(name_key, replace(name_key, ' ', '')), '') END
        FROM people;
      DROP TABLE people;
      ALTER TABLE people_new RENAME TO people;
      CREATE INDEX people_name_key ON people (name_key);
      CREATE INDEX people_surname_key ON people (surname_key) WHERE surname_key IS NOT NULL;
      CREATE INDEX people_kind ON people (kind);
      `,
    },
    {
    version: 15,
    name: "full-text search: FTS5 indexes over statements, claims and article text, kept by triggers",
    sql: `
      -- External-content FTS5 tables: the text stays in its own table, the index holds only tokens.
      -- unicode61 folds case and diacritics; the prefix indexes make "word*" queries cheap.
      CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_mention, speaker_canonical,
        content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
      CREATE VIRTUAL TABLE claims_fts USING fts5(text,
        content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
      CREATE VIRTUAL TABLE sources_fts USING fts5(title, text,
        content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');

      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text, speaker_mention, speaker_canonical)
          VALUES (new.id, new.text, new.speaker_mention, new.speaker_canonical);
      END;
      CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_mention, speaker_canonical)
          VALUES ('delete', old.id, old.text, old.speaker_mention, old.speaker_canonical);
      END;
      CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_mention, speaker_canonical ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_mention, speaker_canonical)
          VALUES ('delete', old.id, old.text, old.speaker_mention, old.speaker_canonical);
        INSERT INTO quotes_fts (rowid, text, speaker_mention, speaker_canonical)
          VALUES (new.id, new.text, new.speaker_mention, new.speaker_canonical);
      END;

      CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
      END;

      CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
        INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;

      -- what is already stored
      INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
      INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
      INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 50,
    name: "full-text search: a bulk batch indexes its new rows once at its end (fts_deferred), not one trigger per row",
    sql: `
      -- A row here exists only inside a bulk batch's write transaction (src/store/fts.ts deferFts, then
      -- indexDeferred before the commit): rows of that table with id >= from_id are new in the batch and
      -- are indexed in one INSERT … SELECT at its end, which costs a fifth of a trigger per row (each
      -- article's savepoint made FTS5 flush a segment of its own). Every other row keeps its trigger.
      CREATE TABLE fts_deferred (
        tbl     TEXT PRIMARY KEY CHECK (tbl IN ('quotes', 'claims', 'sources')),
        from_id INTEGER NOT NULL
      ) WITHOUT ROWID;
      DROP TRIGGER quotes_fts_insert;
      DROP TRIGGER quotes_fts_delete;
      DROP TRIGGER quotes_fts_update;
      DROP TRIGGER claims_fts_insert;
      DROP TRIGGER claims_fts_delete;
      DROP TRIGGER claims_fts_update;
      DROP TRIGGER sources_fts_insert;
      DROP TRIGGER sources_fts_delete;
      DROP TRIGGER sources_fts_update;

      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes WHEN new.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'quotes'), 9223372036854775807) BEGIN
        INSERT INTO quotes_fts (rowid, text, speaker_mention, speaker_canonical) VALUES (new.id, new.text, new.speaker_mention, new.speaker_canonical);
      END;
      CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'quotes'), 9223372036854775807) BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_mention, speaker_canonical) VALUES ('delete', old.id, old.text, old.speaker_mention, old.speaker_canonical);
      END;
      CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_mention, speaker_canonical ON quotes WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'quotes'), 9223372036854775807) BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_mention, speaker_canonical) VALUES ('delete', old.id, old.text, old.speaker_mention, old.speaker_canonical);
        INSERT INTO quotes_fts (rowid, text, speaker_mention, speaker_canonical) VALUES (new.id, new.text, new.speaker_mention, new.speaker_canonical);
      END;
      CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims WHEN new.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'claims'), 9223372036854775807) BEGIN
        INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'claims'), 9223372036854775807) BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'claims'), 9223372036854775807) BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources WHEN new.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'sources'), 9223372036854775807) BEGIN
        INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'sources'), 9223372036854775807) BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources WHEN old.id < coalesce((SELECT from_id FROM fts_deferred WHERE tbl = 'sources'), 9223372036854775807) BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
    `,
  },
  {
    version: 51,
    name: "full-text search: the article-text index without prefix indexes (half its size and its indexing time)",
    sql: `
      -- prefix='2 3' kept two more copies of every article term's postings (7.4 of 10.7 MB at 2,127
      -- articles) for "wo*" searches over article text; FTS5 answers a prefix query without them from
      -- the terms' range in the main index, with the same rows, ranks and highlights. The statement and
      -- claim indexes (short texts, searched most) keep theirs. The triggers of migration 50 name the
      -- table and stay.
      DROP TABLE sources_fts;
      CREATE VIRTUAL TABLE sources_fts USING fts5(title, text,
        content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 55,
    name: "a person's statements by source and review state from one index (person page, people counts)",
    sql: `
      -- (person_id) alone made "sources mentioning the person without a statement of theirs" read every
      -- statement of the person for each such source (a busy person: 797 x 2,927 rows), and the people
      -- counts (quote_count without rejected statements) read each statement's row; this index answers
      -- both from its own entries, and holds (person_id) as its prefix, so that index goes (decision 022)
      CREATE INDEX quotes_person_source ON quotes (person_id, source_id, review_status);
      DROP INDEX IF EXISTS quotes_person;
    `,
  },
  {
    version: 65,
    name: "kept counts: statements per kind, review state and outlet, per person, per person and source, per source (kept by triggers)",
    sql: `
      -- Counts the listings and the home page read instead of a count(*) over every statement
      -- (decision 026). Statements a bulk batch inserts (migration 50's fts_deferred) are counted
      -- together at the batch's end (src/store/fts.ts indexDeferred), in their final state. Each row holds a count above zero (a row whose count falls to zero is deleted),
      -- so every table equals its GROUP BY over quotes. "Per person" counts leave rejected statements
      -- out, as the people counts always did; the per-source and facet counts hold every statement.
      CREATE TABLE quote_facet_counts (
        kind          TEXT    NOT NULL,
        review_status TEXT    NOT NULL,
        outlet        TEXT    NOT NULL,
        n             INTEGER NOT NULL,
        PRIMARY KEY (kind, review_status, outlet)
      ) WITHOUT ROWID;
      CREATE TABLE source_quote_counts (
        source_id INTEGER PRIMARY KEY,
        n         INTEGER NOT NULL
      );
      CREATE INDEX source_quote_counts_n ON source_quote_counts (n DESC, source_id);
      CREATE TABLE person_quote_counts (
        person_id INTEGER PRIMARY KEY,
        n         INTEGER NOT NULL
      );
      CREATE INDEX person_quote_counts_n ON person_quote_counts (n DESC, person_id);
      CREATE TABLE person_source_counts (
        person_id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (person_id, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_source_counts_source ON person_source_counts (source_id, person_id, n);

      CREATE TRIGGER quotes_counts_insert AFTER INSERT ON quotes WHEN ${notDeferred("new.")} BEGIN
        INSERT INTO quote_facet_counts (kind, review_status, outlet, n)
          SELECT new.kind, new.review_status, s.outlet, 1 FROM sources s WHERE s.id = new.source_id
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO source_quote_counts (source_id, n) VALUES (new.source_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER quotes_counts_insert_person AFTER INSERT ON quotes
        WHEN new.person_id IS NOT NULL AND new.review_status <> 'rejected' AND ${notDeferred("new.")} BEGIN
        INSERT INTO person_quote_counts (person_id, n) VALUES (new.person_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO person_source_counts (person_id, source_id, n) VALUES (new.person_id, new.source_id, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER quotes_counts_delete AFTER DELETE ON quotes WHEN ${notDeferred("old.")} BEGIN
        UPDATE quote_facet_counts SET n = n - 1 WHERE kind = old.kind AND review_status = old.review_status
          AND outlet = (SELECT outlet FROM sources WHERE id = old.source_id);
        DELETE FROM quote_facet_counts WHERE n <= 0 AND kind = old.kind AND review_status = old.review_status;
        UPDATE source_quote_counts SET n = n - 1 WHERE source_id = old.source_id;
        DELETE FROM source_quote_counts WHERE source_id = old.source_id AND n <= 0;
      END;
      CREATE TRIGGER quotes_counts_delete_person AFTER DELETE ON quotes
        WHEN old.person_id IS NOT NULL AND old.review_status <> 'rejected' AND ${notDeferred("old.")} BEGIN
        UPDATE person_quote_counts SET n = n - 1 WHERE person_id = old.person_id;
        DELETE FROM person_quote_counts WHERE person_id = old.person_id AND n <= 0;
        UPDATE person_source_counts SET n = n - 1 WHERE person_id = old.person_id AND source_id = old.source_id;
        DELETE FROM person_source_counts WHERE person_id = old.person_id AND source_id = old.source_id AND n <= 0;
      END;

      -- a review verdict, a correction of the kind, speaker or span, a merge or split of people (and
      -- ON DELETE SET NULL when a person goes): the old values out, the new in
      CREATE TRIGGER quotes_counts_update AFTER UPDATE OF kind, review_status, source_id ON quotes
        WHEN (new.kind IS NOT old.kind OR new.review_status IS NOT old.review_status OR new.source_id IS NOT old.source_id) AND ${notDeferred("old.")} BEGIN
        UPDATE quote_facet_counts SET n = n - 1 WHERE kind = old.kind AND review_status = old.review_status
          AND outlet = (SELECT outlet FROM sources WHERE id = old.source_id);
        DELETE FROM quote_facet_counts WHERE n <= 0 AND kind = old.kind AND review_status = old.review_status;
        INSERT INTO quote_facet_counts (kind, review_status, outlet, n)
          SELECT new.kind, new.review_status, s.outlet, 1 FROM sources s WHERE s.id = new.source_id
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE source_quote_counts SET n = n - 1 WHERE source_id = old.source_id AND new.source_id IS NOT old.source_id;
        DELETE FROM source_quote_counts WHERE source_id = old.source_id AND n <= 0;
        INSERT INTO source_quote_counts (source_id, n) SELECT new.source_id, 1 WHERE new.source_id IS NOT old.source_id
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER quotes_counts_update_person AFTER UPDATE OF person_id, review_status, source_id ON quotes
        WHEN (new.person_id IS NOT old.person_id OR new.source_id IS NOT old.source_id
          OR (new.review_status = 'rejected') <> (old.review_status = 'rejected')) AND ${notDeferred("old.")} BEGIN
        UPDATE person_quote_counts SET n = n - 1 WHERE person_id = old.person_id AND old.review_status <> 'rejected';
        DELETE FROM person_quote_counts WHERE person_id = old.person_id AND n <= 0;
        UPDATE person_source_counts SET n = n - 1
          WHERE person_id = old.person_id AND source_id = old.source_id AND old.review_status <> 'rejected';
        DELETE FROM person_source_counts WHERE person_id = old.person_id AND source_id = old.source_id AND n <= 0;
        INSERT INTO person_quote_counts (person_id, n) SELECT new.person_id, 1
          WHERE new.person_id IS NOT NULL AND new.review_status <> 'rejected' ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO person_source_counts (person_id, source_id, n) SELECT new.person_id, new.source_id, 1
          WHERE new.person_id IS NOT NULL AND new.review_status <> 'rejected' ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      -- an article's outlet changes: its statements move to the new outlet's counts
      CREATE TRIGGER sources_counts_outlet AFTER UPDATE OF outlet ON sources WHEN new.outlet IS NOT old.outlet BEGIN
        UPDATE quote_facet_counts SET n = n - (SELECT count(*) FROM quotes q WHERE q.source_id = new.id
            AND q.kind = quote_facet_counts.kind AND q.review_status = quote_facet_counts.review_status AND ${notDeferred("q.")})
          WHERE outlet = old.outlet;
        DELETE FROM quote_facet_counts WHERE outlet = old.outlet AND n <= 0;
        INSERT INTO quote_facet_counts (kind, review_status, outlet, n)
          SELECT q.kind, q.review_status, new.outlet, count(*) FROM quotes q WHERE q.source_id = new.id AND ${notDeferred("q.")}
          GROUP BY q.kind, q.review_status
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
      -- an article deleted: its statements go first, while its outlet can still be read (the cascade
      -- would delete them after the article, when the delete trigger above no longer finds it)
      CREATE TRIGGER sources_counts_delete BEFORE DELETE ON sources BEGIN
        DELETE FROM quotes WHERE source_id = old.id;
      END;

      INSERT INTO quote_facet_counts (kind, review_status, outlet, n)
        SELECT q.kind, q.review_status, s.outlet, count(*) FROM quotes q JOIN sources s ON s.id = q.source_id
        GROUP BY q.kind, q.review_status, s.outlet;
      INSERT INTO source_quote_counts (source_id, n) SELECT source_id, count(*) FROM quotes GROUP BY source_id;
      INSERT INTO person_source_counts (person_id, source_id, n)
        SELECT person_id, source_id, count(*) FROM quotes WHERE person_id IS NOT NULL AND review_status <> 'rejected'
        GROUP BY person_id, source_id;
      INSERT INTO person_quote_counts (person_id, n)
        SELECT person_id, sum(n) FROM person_source_counts GROUP BY person_id;
    `,
  },
  {
    version: 66,
    name: "CSV cells: each statement's own CSV fields, escaped once when it is written (kept by triggers, in bulk at a batch's end)",
    sql: `
      -- /quotes.csv read 22 values per statement and escaped 8 text fields of it on every export; the
      -- fields kind, text, speaker_mention, speaker_canonical, person_id, cue, via, sieve are escaped once
      -- here (src/web/csv.ts's rules, decision 026) and the export writes them as they are. Inside a
      -- bulk batch the rows are filled with the search indexes at the batch's end (src/store/fts.ts).
      CREATE TABLE quote_csv_cells (
        quote_id INTEGER PRIMARY KEY,
        cells    TEXT    NOT NULL
      );
      -- upserts, not INSERT OR REPLACE: the statement that fires a trigger imposes its own conflict
      -- policy on the trigger's (a person deleted sets person_id NULL under ABORT)
      CREATE TRIGGER quote_csv_cells_insert AFTER INSERT ON quotes WHEN ${notDeferred("new.")} BEGIN
        INSERT INTO quote_csv_cells (quote_id, cells) VALUES (new.id, ${quoteCsvCellsSql("new.", csvTextCellInList)})
          ON CONFLICT (quote_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER quote_csv_cells_update AFTER UPDATE OF kind, text, speaker_mention, speaker_canonical, person_id, cue, via, sieve
        ON quotes WHEN ${notDeferred("old.")} BEGIN
        INSERT INTO quote_csv_cells (quote_id, cells) VALUES (new.id, ${quoteCsvCellsSql("new.", csvTextCellInList)})
          ON CONFLICT (quote_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER quote_csv_cells_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quote_csv_cells WHERE quote_id = old.id;
      END;
      INSERT INTO quote_csv_cells (quote_id, cells) SELECT q.id, ${quoteCsvCellsSql("q.", csvTextCellInList)} FROM quotes q;
    `,
  },
  {
    version: 67,
    name: "statements in article order from one index (source_id, start, end DESC): keyset runs and exports without a sort",
    sql: `
      -- the article-order sort of /quotes and its exports is (source_id, start, end DESC, id); the index on
      -- (source_id, start) left SQLite a temporary B-tree for the last two keys on every keyset run. With
      -- end DESC in the index (and the rowid after it) the run reads in index order and stops at its
      -- LIMIT. It holds (source_id, start) as its prefix, so that index goes.
      CREATE INDEX quotes_source_span ON quotes (source_id, start, end DESC);
      DROP INDEX IF EXISTS quotes_source;
    `,
  },
  {
    version: 68,
    name: "source CSV cells: each article's title and outlet as CSV fields, escaped once when it is written (kept by triggers)",
    sql: `
      -- /quotes.csv wrote the title and outlet of a statement's article on each of its rows, escaped
      -- in JavaScript (or in SQL, at 0.6 µs a row for the two): they are escaped once per article here
      -- (src/web/csv.ts's rules, decision 026) and the export's SQL joins them in as they are.
      CREATE TABLE source_csv_cells (
        source_id INTEGER PRIMARY KEY,
        cells     TEXT    NOT NULL
      );
      CREATE TRIGGER source_csv_cells_insert AFTER INSERT ON sources BEGIN
        INSERT INTO source_csv_cells (source_id, cells) VALUES (new.id, ${sourceCsvCellsSql("new.", csvTextCellInList)})
          ON CONFLICT (source_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER source_csv_cells_update AFTER UPDATE OF title, outlet ON sources BEGIN
        INSERT INTO source_csv_cells (source_id, cells) VALUES (new.id, ${sourceCsvCellsSql("new.", csvTextCellInList)})
          ON CONFLICT (source_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER source_csv_cells_delete AFTER DELETE ON sources BEGIN
        DELETE FROM source_csv_cells WHERE source_id = old.id;
      END;
      INSERT INTO source_csv_cells (source_id, cells) SELECT s.id, ${sourceCsvCellsSql("s.", csvTextCellInList)} FROM sources s;
    `,
  },
  {
    version: 70,
    name: "the review queue from one index (review_status, confidence, source_id, start): its first page without a sort",
    sql: `
      -- the review queue lists one review state lowest confidence first, (confidence, source_id, start, id):
      -- with the state and that order in one index (the rowid after it), its page is a range read that
      -- stops at its LIMIT, not a sort of every unreviewed statement. It holds (review_status) as its
      -- prefix, so that index goes.
      CREATE INDEX quotes_review_confidence ON quotes (review_status, confidence, source_id, start);
      DROP INDEX IF EXISTS quotes_review_status;
    `,
  },
  {
    version: 71,
    name: "each source's outlet beside its id in an index: counts and outlet facets without reading the article text",
    sql: `
      -- a source's outlet is stored after its text, so reading it from the row follows the text's overflow
      -- pages: counting /sources by outlet read every article (31 ms at 22,250 articles), and so did each
      -- statement's or claim's outlet when /quotes (while searching) and /claims count their facets. The
      -- listings' counts read this index instead (SOURCES_BY_OUTLET in src/store/listings.ts).
      CREATE INDEX sources_id_outlet ON sources (id, outlet);
    `,
  },
  {
    version: 72,
    name: "claims (reason, review_status, source_id): /claims counts its total and facets from an index",
    sql: `
      -- /claims counts every claim for its total and its reason, review state and outlet facets: with
      -- these three columns in one index (and migration 71's for the outlet) the count reads no claim
      -- row (14 -> 9 ms at 22,250 articles, measured on a copy). It holds (reason) as its prefix, so
      -- that index goes.
      CREATE INDEX claims_reason_status_source ON claims (reason, review_status, source_id);
      DROP INDEX IF EXISTS claims_reason;
    `,
  },
  {
    version: 80,
    name: "CSV rows: each statement's whole /quotes.csv record, written once when anything in it changes (kept by triggers, in bulk at a batch's end)",
    sql: `
      -- /quotes.csv joined six tables and read seven values for every statement (decision 026); the
      -- whole record is kept here instead (decision 029), so the export reads one text per statement in
      -- index order and writes it as it is. csv is NULL where SQL cannot write the confidence exactly as
      -- JavaScript does (csvRealCell): the export formats that row itself, as it does a statement with
      -- no row here. Every table the record reads has triggers below: the statement (any column of
      -- it), its article (title, outlet), its group membership and its group's label, its review. Rows
      -- a bulk batch holds back (migration 50's fts_deferred) are written at the batch's end
      -- (src/store/fts.ts indexDeferred). The title and outlet come from migration 68's cells (the
      -- outlet lies past the article text's overflow pages); the article's own trigger writes those
      -- first, since 68's trigger may fire after it.
      CREATE TABLE quote_csv_rows (
        quote_id INTEGER PRIMARY KEY,
        csv      TEXT
      );
      -- every statement's record as the triggers write it (quoteCsvRowSql), once in the schema
      CREATE VIEW quote_csv_records AS
        SELECT q.id AS quote_id, q.source_id AS source_id, ${quoteCsvRowSql(`coalesce(sc.cells, ${sourceCsvCellsSql("s.")})`)} AS csv
        FROM ${QUOTE_CSV_ROW_FROM} LEFT JOIN source_csv_cells sc ON sc.source_id = q.source_id;
      CREATE TRIGGER quote_csv_rows_insert AFTER INSERT ON quotes WHEN ${notDeferred("new.")} BEGIN
        ${refreshCsvRows("quote_id = new.id")}
      END;
      CREATE TRIGGER quote_csv_rows_update AFTER UPDATE ON quotes WHEN ${notDeferred("new.")} BEGIN
        DELETE FROM quote_csv_rows WHERE quote_id = old.id AND new.id IS NOT old.id;
        ${refreshCsvRows("quote_id = new.id")}
      END;
      CREATE TRIGGER quote_csv_rows_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quote_csv_rows WHERE quote_id = old.id;
      END;
      CREATE TRIGGER quote_csv_rows_source AFTER UPDATE OF title, outlet ON sources
        WHEN new.title IS NOT old.title OR new.outlet IS NOT old.outlet BEGIN
        -- migration 68's cells first (its own trigger may fire after this one): the view reads them
        INSERT INTO source_csv_cells (source_id, cells) VALUES (new.id, ${sourceCsvCellsSql("new.")})
          ON CONFLICT (source_id) DO UPDATE SET cells = excluded.cells;
        ${refreshCsvRows("source_id = new.id")}
      END;
      CREATE TRIGGER quote_csv_rows_member_insert AFTER INSERT ON statement_group_members BEGIN
        ${refreshCsvRows("quote_id = new.quote_id")}
      END;
      CREATE TRIGGER quote_csv_rows_member_update AFTER UPDATE ON statement_group_members BEGIN
        ${refreshCsvRows("quote_id = old.quote_id")}
        ${refreshCsvRows("quote_id = new.quote_id AND new.quote_id IS NOT old.quote_id")}
      END;
      CREATE TRIGGER quote_csv_rows_member_delete AFTER DELETE ON statement_group_members BEGIN
        ${refreshCsvRows("quote_id = old.quote_id")}
      END;
      CREATE TRIGGER quote_csv_rows_group AFTER UPDATE OF label ON statement_groups WHEN new.label IS NOT old.label BEGIN
        ${refreshCsvRows("quote_id IN (SELECT m.quote_id FROM statement_group_members m WHERE m.group_id = new.id)")}
      END;
      CREATE TRIGGER quote_csv_rows_review_insert AFTER INSERT ON reviews WHEN new.quote_id IS NOT NULL BEGIN
        ${refreshCsvRows("quote_id = new.quote_id")}
      END;
      CREATE TRIGGER quote_csv_rows_review_update AFTER UPDATE ON reviews BEGIN
        ${refreshCsvRows("quote_id = old.quote_id")}
        ${refreshCsvRows("quote_id = new.quote_id AND new.quote_id IS NOT old.quote_id")}
      END;
      CREATE TRIGGER quote_csv_rows_review_delete AFTER DELETE ON reviews WHEN old.quote_id IS NOT NULL BEGIN
        ${refreshCsvRows("quote_id = old.quote_id")}
      END;
      INSERT INTO quote_csv_rows (quote_id, csv) SELECT quote_id, csv FROM quote_csv_records ORDER BY quote_id;
    `,
  },
  {
    version: 81,
    name: "CSV cells: the triggers of migrations 66 and 68 with the formula guard as a CASE, not an IN list rebuilt per row (the same cells, ~20x cheaper)",
    sql: `
      -- the same cells as before (csvTextCell and csvTextCellInList agree on every value; tested), written
      -- without SQLite rebuilding a temporary index per IN list and row (decision 029)
      DROP TRIGGER quote_csv_cells_insert;
      DROP TRIGGER quote_csv_cells_update;
      DROP TRIGGER source_csv_cells_insert;
      DROP TRIGGER source_csv_cells_update;
      CREATE TRIGGER quote_csv_cells_insert AFTER INSERT ON quotes WHEN ${notDeferred("new.")} BEGIN
        INSERT INTO quote_csv_cells (quote_id, cells) VALUES (new.id, ${quoteCsvCellsSql("new.")})
          ON CONFLICT (quote_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER quote_csv_cells_update AFTER UPDATE OF kind, text, speaker_mention, speaker_canonical, person_id, cue, via, sieve
        ON quotes WHEN ${notDeferred("old.")} BEGIN
        INSERT INTO quote_csv_cells (quote_id, cells) VALUES (new.id, ${quoteCsvCellsSql("new.")})
          ON CONFLICT (quote_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER source_csv_cells_insert AFTER INSERT ON sources BEGIN
        INSERT INTO source_csv_cells (source_id, cells) VALUES (new.id, ${sourceCsvCellsSql("new.")})
          ON CONFLICT (source_id) DO UPDATE SET cells = excluded.cells;
      END;
      CREATE TRIGGER source_csv_cells_update AFTER UPDATE OF title, outlet ON sources BEGIN
        INSERT INTO source_csv_cells (source_id, cells) VALUES (new.id, ${sourceCsvCellsSql("new.")})
          ON CONFLICT (source_id) DO UPDATE SET cells = excluded.cells;
      END;
    `,
  },
  {
    version: 82,
    name: "kept claim counts: claims per reason, review state and outlet (kept by triggers, in bulk at a batch's end)",
    sql: `
      -- /claims counted every claim for its total and its reason, outlet and review facets (migration 72's
      -- index, ~9 ms at 22,250 articles); this table holds those counts, as migration 65's
      -- quote_facet_counts does for statements (decision 029). A row whose count reaches zero is deleted,
      -- so it equals its GROUP BY. Claims a bulk batch inserts (fts_deferred) are counted at its end.
      CREATE TABLE claim_facet_counts (
        reason        TEXT    NOT NULL,
        review_status TEXT    NOT NULL,
        outlet        TEXT    NOT NULL,
        n             INTEGER NOT NULL,
        PRIMARY KEY (reason, review_status, outlet)
      ) WITHOUT ROWID;
      CREATE TRIGGER claims_counts_insert AFTER INSERT ON claims WHEN ${claimNotDeferred("new.")} BEGIN
        INSERT INTO claim_facet_counts (reason, review_status, outlet, n)
          SELECT new.reason, new.review_status, s.outlet, 1 FROM sources s WHERE s.id = new.source_id
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER claims_counts_delete AFTER DELETE ON claims WHEN ${claimNotDeferred("old.")} BEGIN
        UPDATE claim_facet_counts SET n = n - 1 WHERE reason = old.reason AND review_status = old.review_status
          AND outlet = (SELECT outlet FROM sources WHERE id = old.source_id);
        DELETE FROM claim_facet_counts WHERE n <= 0 AND reason = old.reason AND review_status = old.review_status;
      END;
      CREATE TRIGGER claims_counts_update AFTER UPDATE OF reason, review_status, source_id ON claims
        WHEN (new.reason IS NOT old.reason OR new.review_status IS NOT old.review_status OR new.source_id IS NOT old.source_id)
          AND ${claimNotDeferred("old.")} BEGIN
        UPDATE claim_facet_counts SET n = n - 1 WHERE reason = old.reason AND review_status = old.review_status
          AND outlet = (SELECT outlet FROM sources WHERE id = old.source_id);
        DELETE FROM claim_facet_counts WHERE n <= 0 AND reason = old.reason AND review_status = old.review_status;
        INSERT INTO claim_facet_counts (reason, review_status, outlet, n)
          SELECT new.reason, new.review_status, s.outlet, 1 FROM sources s WHERE s.id = new.source_id
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      -- an article's outlet changes: its claims move to the new outlet's counts
      CREATE TRIGGER sources_claim_counts_outlet AFTER UPDATE OF outlet ON sources WHEN new.outlet IS NOT old.outlet BEGIN
        UPDATE claim_facet_counts SET n = n - (SELECT count(*) FROM claims c WHERE c.source_id = new.id
            AND c.reason = claim_facet_counts.reason AND c.review_status = claim_facet_counts.review_status AND ${claimNotDeferred("c.")})
          WHERE outlet = old.outlet;
        DELETE FROM claim_facet_counts WHERE outlet = old.outlet AND n <= 0;
        INSERT INTO claim_facet_counts (reason, review_status, outlet, n)
          SELECT c.reason, c.review_status, new.outlet, count(*) FROM claims c WHERE c.source_id = new.id AND ${claimNotDeferred("c.")}
          GROUP BY c.reason, c.review_status
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
      -- an article deleted: its claims go first, while its outlet can still be read (as migration 65 does for statements)
      CREATE TRIGGER sources_claim_counts_delete BEFORE DELETE ON sources BEGIN
        DELETE FROM claims WHERE source_id = old.id;
      END;
      INSERT INTO claim_facet_counts (reason, review_status, outlet, n)
        SELECT c.reason, c.review_status, s.outlet, count(*) FROM claims c JOIN sources s ON s.id = c.source_id
        GROUP BY c.reason, c.review_status, s.outlet;
    `,
  },
  {
    version: 83,
    name: "kept counts for the home page: statement groups per label, articles; a person's sources by count (decision 041)",
    sql: `
      -- The home page counted every statement group per label (1.19 million at 222,500 articles: 230 ms)
      -- and every article; these tables hold those counts, kept by triggers like migration 65's: a row
      -- whose count reaches zero is deleted, so group_label_counts equals its GROUP BY over
      -- statement_groups and row_counts('sources') equals count(*) FROM sources.
      CREATE TABLE group_label_counts (
        label    TEXT    PRIMARY KEY,
        n        INTEGER NOT NULL,
        negation INTEGER NOT NULL,
        number   INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER statement_groups_counts_insert AFTER INSERT ON statement_groups BEGIN
        INSERT INTO group_label_counts (label, n, negation, number) VALUES (new.label, 1, new.negation_changed, new.number_changed)
          ON CONFLICT DO UPDATE SET n = n + 1, negation = negation + excluded.negation, number = number + excluded.number;
      END;
      CREATE TRIGGER statement_groups_counts_delete AFTER DELETE ON statement_groups BEGIN
        UPDATE group_label_counts SET n = n - 1, negation = negation - old.negation_changed, number = number - old.number_changed
          WHERE label = old.label;
        DELETE FROM group_label_counts WHERE label = old.label AND n <= 0;
      END;
      CREATE TRIGGER statement_groups_counts_update AFTER UPDATE OF label, negation_changed, number_changed ON statement_groups
        WHEN new.label IS NOT old.label OR new.negation_changed IS NOT old.negation_changed OR new.number_changed IS NOT old.number_changed BEGIN
        UPDATE group_label_counts SET n = n - 1, negation = negation - old.negation_changed, number = number - old.number_changed
          WHERE label = old.label;
        DELETE FROM group_label_counts WHERE label = old.label AND n <= 0;
        INSERT INTO group_label_counts (label, n, negation, number) VALUES (new.label, 1, new.negation_changed, new.number_changed)
          ON CONFLICT DO UPDATE SET n = n + 1, negation = negation + excluded.negation, number = number + excluded.number;
      END;
      INSERT INTO group_label_counts (label, n, negation, number)
        SELECT label, count(*), sum(negation_changed), sum(number_changed) FROM statement_groups GROUP BY label;

      CREATE TABLE row_counts (
        tbl TEXT    PRIMARY KEY CHECK (tbl IN ('sources')),
        n   INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER sources_row_count_insert AFTER INSERT ON sources BEGIN
        INSERT INTO row_counts (tbl, n) VALUES ('sources', 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER sources_row_count_delete AFTER DELETE ON sources BEGIN
        UPDATE row_counts SET n = n - 1 WHERE tbl = 'sources';
        DELETE FROM row_counts WHERE tbl = 'sources' AND n <= 0;
      END;
      INSERT INTO row_counts (tbl, n) SELECT 'sources', count(*) FROM sources HAVING count(*) > 0;

      -- a person's sources by how many of their statements each holds: the person page's chart takes
      -- its columns from the head of this index instead of reading every source of the person
      CREATE INDEX person_source_counts_n ON person_source_counts (person_id, n DESC, source_id);

      -- what a search's counts read of each match (its kind, review state and article), without the
      -- statement's row: /quotes?q= counts every match for its total and facets
      CREATE INDEX quotes_id_facets ON quotes (id, kind, review_status, source_id);

      -- the articles naming a person, in article order, without reading each row (the person page)
      CREATE INDEX source_people_person_source ON source_people (person_id, source_id);
    `,
  },
  {
    version: 84,
    name: "a person's statement groups with the person page's sort keys (kept by the regroups and by triggers)",
    sql: `
      -- The person page sorted every group holding a statement of the person (29,600 for the busiest at
      -- 222,500 articles: 46 ms, and 11 ms more to count them) to show ten. A row here is one
      -- (person, group) with the page's sort keys: the group's source count and label rank, and the
      -- person's first source and first start in it (min over the person's members, as the page took
      -- them). The regroups write the rows of every group they insert or change
      -- (src/store/groups.ts refreshPersonGroups); the triggers below keep them through what else
      -- changes a key: a group's counts or label, a member deleted (a statement deleted), a group
      -- deleted, and a statement's person, article or start changed (a review, a merge).
      CREATE TABLE person_groups (
        person_id    INTEGER NOT NULL,
        group_id     INTEGER NOT NULL,
        source_count INTEGER NOT NULL,
        label_rank   INTEGER NOT NULL,
        person_count INTEGER NOT NULL,
        first_source INTEGER NOT NULL,
        first_start  INTEGER NOT NULL,
        PRIMARY KEY (person_id, group_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_groups_order ON person_groups (person_id, source_count DESC, label_rank, first_source, first_start, group_id);
      CREATE INDEX person_groups_group ON person_groups (group_id);
      CREATE TRIGGER person_groups_group_update AFTER UPDATE OF source_count, label, person_count ON statement_groups
        WHEN new.source_count IS NOT old.source_count OR new.label IS NOT old.label OR new.person_count IS NOT old.person_count BEGIN
        UPDATE person_groups SET source_count = new.source_count, label_rank = ${PERSON_GROUP_LABEL_RANK("new.label")},
          person_count = new.person_count WHERE group_id = new.id;
      END;
      CREATE TRIGGER person_groups_group_delete AFTER DELETE ON statement_groups BEGIN
        DELETE FROM person_groups WHERE group_id = old.id;
      END;
      CREATE TRIGGER person_groups_member_delete AFTER DELETE ON statement_group_members
        WHEN EXISTS (SELECT 1 FROM statement_groups WHERE id = old.group_id) BEGIN
        ${refreshPersonGroupSql("old.group_id")}
      END;
      CREATE TRIGGER person_groups_quote_update AFTER UPDATE OF person_id, source_id, start ON quotes
        WHEN (new.person_id IS NOT old.person_id OR new.source_id IS NOT old.source_id OR new.start IS NOT old.start)
          AND EXISTS (SELECT 1 FROM statement_group_members WHERE quote_id = new.id) BEGIN
        ${refreshPersonGroupSql("(SELECT group_id FROM statement_group_members WHERE quote_id = new.id)")}
      END;
      INSERT INTO person_groups (person_id, group_id, source_count, label_rank, person_count, first_source, first_start)
        ${personGroupRowsSql("1")};
    `,
  },
  {
    version: 85,
    name: "co-quoted people: each person's statements in the articles quoting another (kept by triggers, in bulk at a batch's end)",
    sql: `
      -- The person page's "quoted alongside" summed, over every article quoting the person, the others'
      -- statements there (11 ms for the busiest person at 222,500 articles, 8,300 articles). Kept here:
      -- person_source_any counts each person's statements per article in every review state (the
      -- articles "quoting" a person, as the page took them), and person_pairs (person_id, other_id, n)
      -- holds, for each person, the sum of migration 65's person_source_counts of every other person over
      -- the articles quoting them. Triggers on person_source_any (an article joins or leaves a person's)
      -- and on person_source_counts (another's count there changes) keep the sums; rows reaching zero
      -- are deleted. Statements a bulk batch holds back are counted at its end (src/store/fts.ts).
      CREATE TABLE person_source_any (
        person_id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (person_id, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_source_any_source ON person_source_any (source_id, person_id);
      CREATE TABLE person_pairs (
        person_id INTEGER NOT NULL,
        other_id  INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (person_id, other_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_pairs_other ON person_pairs (other_id, person_id);

      INSERT INTO person_source_any (person_id, source_id, n)
        SELECT person_id, source_id, count(*) FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id, source_id;
      INSERT INTO person_pairs (person_id, other_id, n)
        SELECT a.person_id, k.person_id, sum(k.n) FROM person_source_any a
        JOIN person_source_counts k ON k.source_id = a.source_id AND k.person_id <> a.person_id
        GROUP BY a.person_id, k.person_id;

      CREATE TRIGGER quotes_any_insert AFTER INSERT ON quotes WHEN new.person_id IS NOT NULL AND ${notDeferred("new.")} BEGIN
        INSERT INTO person_source_any (person_id, source_id, n) VALUES (new.person_id, new.source_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER quotes_any_delete AFTER DELETE ON quotes WHEN old.person_id IS NOT NULL AND ${notDeferred("old.")} BEGIN
        UPDATE person_source_any SET n = n - 1 WHERE person_id = old.person_id AND source_id = old.source_id;
        DELETE FROM person_source_any WHERE person_id = old.person_id AND source_id = old.source_id AND n <= 0;
      END;
      CREATE TRIGGER quotes_any_update AFTER UPDATE OF person_id, source_id ON quotes
        WHEN (new.person_id IS NOT old.person_id OR new.source_id IS NOT old.source_id) AND ${notDeferred("old.")} BEGIN
        UPDATE person_source_any SET n = n - 1 WHERE person_id = old.person_id AND source_id = old.source_id;
        DELETE FROM person_source_any WHERE person_id = old.person_id AND source_id = old.source_id AND n <= 0;
        INSERT INTO person_source_any (person_id, source_id, n) SELECT new.person_id, new.source_id, 1 WHERE new.person_id IS NOT NULL
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      -- an article joins or leaves the articles quoting a person: the others' counts there in or out
      CREATE TRIGGER person_source_any_pairs_insert AFTER INSERT ON person_source_any BEGIN
        INSERT INTO person_pairs (person_id, other_id, n)
          SELECT new.person_id, k.person_id, k.n FROM person_source_counts k WHERE k.source_id = new.source_id AND k.person_id <> new.person_id
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
      CREATE TRIGGER person_source_any_pairs_delete AFTER DELETE ON person_source_any BEGIN
        UPDATE person_pairs SET n = n - (SELECT k.n FROM person_source_counts k WHERE k.source_id = old.source_id AND k.person_id = person_pairs.other_id)
          WHERE person_id = old.person_id
            AND other_id IN (SELECT k.person_id FROM person_source_counts k WHERE k.source_id = old.source_id AND k.person_id <> old.person_id);
        DELETE FROM person_pairs WHERE person_id = old.person_id AND n <= 0;
      END;
      -- another person's count in an article changes: every person that article quotes gains or loses it
      CREATE TRIGGER person_source_counts_pairs_insert AFTER INSERT ON person_source_counts BEGIN
        INSERT INTO person_pairs (person_id, other_id, n)
          SELECT a.person_id, new.person_id, new.n FROM person_source_any a WHERE a.source_id = new.source_id AND a.person_id <> new.person_id
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
      CREATE TRIGGER person_source_counts_pairs_update AFTER UPDATE OF n ON person_source_counts WHEN new.n IS NOT old.n BEGIN
        UPDATE person_pairs SET n = n + new.n - old.n WHERE other_id = new.person_id
          AND person_id IN (SELECT a.person_id FROM person_source_any a WHERE a.source_id = new.source_id AND a.person_id <> new.person_id);
        DELETE FROM person_pairs WHERE other_id = new.person_id AND n <= 0;
      END;
      CREATE TRIGGER person_source_counts_pairs_delete AFTER DELETE ON person_source_counts BEGIN
        UPDATE person_pairs SET n = n - old.n WHERE other_id = old.person_id
          AND person_id IN (SELECT a.person_id FROM person_source_any a WHERE a.source_id = old.source_id AND a.person_id <> old.person_id);
        DELETE FROM person_pairs WHERE other_id = old.person_id AND n <= 0;
      END;
    `,
  },
];
