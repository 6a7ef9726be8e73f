// Mention → canonical speaker, within one document. Names are clustered by exact normalised form
// (case, diacritics, hyphens and spaces folded: "Kim Jong-un" = "Kim Jong Un", never "Kim Jong-il"),
// a surname or family name alone joins the most prominent full name that holds it, acronyms join the
// long form they were defined with, and pronouns and descriptions go to the right earlier speaker.
// No string-distance threshold decides between two names.
import { findNames, type Mention } from "./mentions";
import type { Entity, SpeakerKind } from "./types";

export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/u, "")
    .replace(/[’']s$/u, "")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function nameParts(name: string): string[] {
  return name.replace(/\s*\([^)]*\)\s*/g, " ").split(/\s+/).filter(Boolean).map((p) => nameKey(p)).filter(Boolean);
}

interface Cluster {
  entity: Entity;
  key: string;
  parts: string[];
  count: number;
  first: number;
}

/** The long form before a bracketed acronym: up to seven capitalised words, ending where the bracket opens. */
const LONG_FORM = /((?:\p{Lu}[\p{L}\-]*\s+(?:of\s+|for\s+|and\s+|the\s+)?){1,7})$/u;
/** How far back the long form of an acronym is read (code units). */
const ACRONYM_WINDOW = 400;

export class EntityResolver {
  private readonly byKey = new Map<string, Cluster>();
  private readonly byPart = new Map<string, Cluster[]>();
  private readonly acronyms = new Map<string, Cluster>();
  readonly clusters: Cluster[] = [];
  /** name mentions in text order, for "the last person named before here" */
  private readonly seen: { at: number; cluster: Cluster }[] = [];

  constructor(text: string) {
    for (const m of findNames(text)) {
      const c = this.addName(m);
      if (c) this.seen.push({ at: m.start, cluster: c });
    }
    // acronyms defined in brackets: "Korean Central News Agency (KCNA)"
    // each bracketed acronym, then its long form read back in a bounded window: the one regex over
    // the whole text backtracked over every capitalised run at every start (a run of capitals was quadratic)
    const re = /\((\p{Lu}{2,})\)/gu;
    let m: RegExpExecArray | null;
    let done = 0;
    while ((m = re.exec(text))) {
      let from = Math.max(done, m.index - ACRONYM_WINDOW);
      const paren = text.lastIndexOf("(", m.index - 1);
      if (paren >= from) from = paren + 1;
      const lf = LONG_FORM.exec(text.slice(from, m.index));
      if (!lf) continue;
      done = m.index + m[0].length;
      const long = lf[1]!.trim().replace(/^(?:The|A|An)\s+/u, "");
      const at = from + lf.index;
      const initials = long.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
      if (!initials.includes(m[1]![0]!) || m[1]!.length > initials.length + 1) continue;
      const c = this.byKey.get(nameKey(long)) ?? this.create(long, "organisation", at);
      c.entity.aliases.push(m[1]!);
      this.acronyms.set(m[1]!, c);
      this.byKey.set(nameKey(m[1]!), c);
    }
  }

  private create(name: string, kind: SpeakerKind, at: number): Cluster {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim().replace(/^(?:the|a|an)\s+/iu, "");
    const c: Cluster = { entity: { canonical: clean, kind, aliases: [clean], roles: [] }, key: nameKey(clean), parts: nameParts(clean), count: 0, first: at };
    this.byKey.set(c.key, c);
    this.clusters.push(c);
    if (c.parts.length > 1) {
      for (const p of [c.parts[0]!, c.parts[c.parts.length - 1]!]) {
        const list = this.byPart.get(p) ?? [];
        list.push(c);
        this.byPart.set(p, list);
      }
    }
    return c;
  }

  private addName(m: Mention): Cluster | null {
    if (!m.name) return null;
    const name = m.name.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    const key = nameKey(name);
    if (!key) return null;
    let c = this.byKey.get(key) ?? null;
    if (!c && nameParts(name).length > 1) c = this.create(name, m.kind, m.start);
    if (!c) return null;
    c.count++;
    if (!c.entity.aliases.includes(name)) c.entity.aliases.push(name);
    if (m.role) this.addRole(c, m.role);
    if (c.entity.kind === "unknown" && m.kind !== "unknown") c.entity.kind = m.kind;
    return c;
  }

  private addRole(c: Cluster, role: string): void {
    const r = role.replace(/^(the|a|an)\s+/i, "").trim();
    if (r && !c.entity.roles.includes(r)) c.entity.roles.push(r);
  }

  /** The cluster a written name refers to, creating it for a name not seen in the name pass. */
  lookupName(name: string, kind: SpeakerKind, at: number): Cluster {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    const acr = /\((\p{Lu}{2,})\)\s*$/u.exec(name);
    if (acr && this.acronyms.has(acr[1]!)) return this.acronyms.get(acr[1]!)!;
    const key = nameKey(clean);
    const direct = this.byKey.get(key);
    if (direct) return direct;
    const parts = nameParts(clean);
    if (parts.length === 1) {
      const cands = this.byPart.get(parts[0]!) ?? [];
      if (cands.length) {
        // the most mentioned full name holding this word; ties go to the one introduced first
        return cands.reduce((a, b) => (b.count > a.count || (b.count === a.count && b.first < a.first) ? b : a));
      }
    }
    return this.create(clean, kind, at);
  }

  /** The canonical form of a relay's name ("KCNA" → "Korean Central News Agency"), without creating an entity. */
  canonicalOf(name: string): string {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim().replace(/^(?:the|a|an)\s+/iu, "");
    const acr = /\((\p{Lu}{2,})\)\s*$/u.exec(name);
    const c = (acr && this.acronyms.get(acr[1]!)) || this.byKey.get(nameKey(clean));
    return c ? c.entity.canonical : clean;
  }

  /** Records what a speaker mention adds (role, alias) and returns its entity. */
  resolveNamed(m: Mention): Entity {
    const c = this.lookupName(m.name!, m.kind, m.start);
    const written = m.name!.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    if (!c.entity.aliases.includes(written)) c.entity.aliases.push(written);
    if (m.role) this.addRole(c, m.role);
    if (c.entity.kind === "unknown") c.entity.kind = m.kind;
    return c.entity;
  }

  /** A description ("the spokesman", "the North Korean leader") → the entity holding that role. */
  resolveDescription(m: Mention, before: Entity[]): Entity | null {
    const head = m.text.split(/\s+/).pop()!.toLowerCase();
    const want = m.text.replace(/^(the|a|an)\s+/i, "").toLowerCase();
    for (let i = before.length - 1; i >= 0; i--) {
      const e = before[i]!;
      if (e.roles.some((r) => r.toLowerCase() === want)) return e;
    }
    for (const c of this.clusters) if (c.entity.roles.some((r) => r.toLowerCase() === want)) return c.entity;
    for (let i = before.length - 1; i >= 0; i--) {
      const e = before[i]!;
      if (e.roles.some((r) => r.toLowerCase().split(/\s+/).pop() === head)) return e;
    }
    for (const c of this.clusters) if (c.entity.roles.some((r) => r.toLowerCase().split(/\s+/).pop() === head)) return c.entity;
    return null;
  }

  /** The most recent person named before `pos`, from the name pass. */
  lastPersonBefore(pos: number): Entity | null {
    let lo = 0;
    let hi = this.seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seen[mid]!.at < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) if (this.seen[i]!.cluster.entity.kind === "person") return this.seen[i]!.cluster.entity;
    return null;
  }

  entities(used: Set<Entity>): Entity[] {
    return this.clusters.map((c) => c.entity).filter((e) => used.has(e));
  }
}
