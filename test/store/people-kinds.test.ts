import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { migrate, openDb } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { insertPerson, listPeople, personAliases, surnameKey } from "../../src/store/people";
import { resolveEntity } from "../../src/services/people";
import { splitAlias } from "../../src/services/review";
import { entity } from "../fixtures/records";

const names = (db: Database.Database) => (db.prepare("SELECT name FROM people ORDER BY id").all() as { name: string }[]).map((r) => r.name);

describe("store: migration 10 rebuilds people for the new kinds", () => {
  it("keeps every person with aliases, roles and quotes, and adds the surname key", () => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    migrate(db, MIGRATIONS.filter((m) => m.version < 10));
    db.exec(`INSERT INTO people (id, name, name_key, kind) VALUES (1, 'Tony Blair', 'tony blair', 'person'), (2, 'Blair', 'blair', 'person');
      INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (1, 'Tony Blair', 'tony blair'), (2, 'Blair', 'blair');
      INSERT INTO person_roles (person_id, role) VALUES (1, 'prime minister');`);
    migrate(db, MIGRATIONS);
    assert.deepEqual(db.prepare("SELECT id, name, kind, surname_key FROM people ORDER BY id").all(), [
      { id: 1, name: "Tony Blair", kind: "person", surname_key: "blair" },
      { id: 2, name: "Blair", kind: "person", surname_key: null },
    ]);
    assert.equal((db.prepare("SELECT count(*) AS n FROM person_aliases").get() as { n: number }).n, 2, "aliases survive the rebuild");
    assert.equal((db.prepare("SELECT count(*) AS n FROM person_roles").get() as { n: number }).n, 1, "roles survive the rebuild");
    assert.equal(db.pragma("foreign_keys", { simple: true }), 1, "foreign keys are enforced again");
    db.exec("INSERT INTO people (name, name_key, kind) VALUES ('Daily Courier', 'daily courier', 'media')");
    assert.throws(() => db.exec("INSERT INTO people (name, name_key, kind) VALUES ('x', 'x', 'martian')"), /CHECK/);
    assert.throws(() => db.exec("INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (99, 'x', 'x')"), /FOREIGN KEY/);
    db.close();
  });
});

describe("store: surname keys", () => {
  const cases: [string, string | null][] = [["tony blair", "blair"], ["blair", null], ["kim jong un", "un"], ["jean claude juncker", "juncker"]];
  for (const [key, want] of cases) it(`${key} → ${want}`, () => assert.equal(surnameKey(key), want));
});

describe("people: what /people lists", () => {
  it("people, bodies and outlets by default; any one kind on request", () => {
    const db = openDb(":memory:");
    insertPerson(db, "Ana Lind", "ana lind", "person");
    insertPerson(db, "Harbour Authority", "harbour authority", "organisation");
    insertPerson(db, "Daily Courier", "daily courier", "media");
    insertPerson(db, "Leeds", "leeds", "place");
    insertPerson(db, "voters", "voters", "group");
    assert.deepEqual(listPeople(db).map((p) => p.name).sort(), ["Ana Lind", "Daily Courier", "Harbour Authority"]);
    assert.deepEqual(listPeople(db, ["place"]).map((p) => p.name), ["Leeds"]);
    assert.deepEqual(listPeople(db, ["document"]), []);
    db.close();
  });

  it("stores no place, document, group, anonymous source or fragment", () => {
    const db = openDb(":memory:");
    for (const e of [entity("Leeds", [], [], "place"), entity("the report", [], [], "document"), entity("voters", [], [], "group"),
      entity("a senior official", [], [], "anonymous"), entity("Steve Lind. Parry"), entity("company", [], [], "organisation"), entity("Friday")]) {
      assert.equal(resolveEntity(db, e), null, e.canonical);
    }
    assert.deepEqual(names(db), []);
    db.close();
  });
});

describe("people: 'Mr X' across articles", () => {
  it("a one-word name stored first is taken over by the one full name that comes later", () => {
    const db = openDb(":memory:");
    const blair = resolveEntity(db, entity("Blair", [], ["Mr"]))!;
    const tony = resolveEntity(db, entity("Tony Blair", [], ["prime minister"]))!;
    assert.notEqual(blair, tony);
    assert.deepEqual(names(db), ["Tony Blair"]);
    assert.deepEqual(personAliases(db, tony).sort(), ["Blair", "Tony Blair"]);
    assert.equal(resolveEntity(db, entity("Blair", [], ["Mr"])), tony, "and later articles' 'Mr Blair' joins too");
    db.close();
  });

  it("not when a second full name has the surname, nor a title of the other gender", () => {
    const db = openDb(":memory:");
    resolveEntity(db, entity("Tony Blair"));
    resolveEntity(db, entity("Ian Blair"));
    const alone = resolveEntity(db, entity("Blair", [], ["Mr"]))!;
    assert.deepEqual(names(db), ["Tony Blair", "Ian Blair", "Blair"]);
    const db2 = openDb(":memory:");
    const cherie = resolveEntity(db2, entity("Cherie Blair"))!;
    assert.notEqual(resolveEntity(db2, entity("Blair", [], ["Mr"])), cherie);
    assert.ok(alone);
    db.close();
    db2.close();
  });

  it("among several full names, the one quoted alongside this article's people", () => {
    const db = openDb(":memory:");
    const tony = resolveEntity(db, entity("Tony Blair"))!;
    const ian = resolveEntity(db, entity("Ian Blair"))!;
    const gordon = resolveEntity(db, entity("Gordon Brown"))!;
    db.exec("INSERT INTO sources (id, content_hash, text, created_at, extractor_version) VALUES (1, 'h1', 't', '', 'x')");
    db.prepare("INSERT INTO source_people (source_id, person_id) VALUES (1, ?), (1, ?)").run(tony, gordon);
    assert.equal(resolveEntity(db, entity("Blair", [], ["Mr"]), "", [gordon]), tony);
    assert.notEqual(resolveEntity(db, entity("Blair", [], ["Mr"]), "", []), ian);
    db.close();
  });

  it("a reviewer's split wins: the split name is not joined again", () => {
    const db = openDb(":memory:");
    const tony = resolveEntity(db, entity("Tony Blair"))!;
    assert.equal(resolveEntity(db, entity("Blair")), tony);
    splitAlias(db, tony, "Blair");
    const again = resolveEntity(db, entity("Blair"));
    assert.notEqual(again, tony);
    db.close();
  });
});
