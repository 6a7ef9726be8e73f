// Handlebars templates: views/layouts/main.hbs wraps views/pages/<page>.hbs; views/partials/*.hbs
// are registered by file name. Compiled once when the app is built. `{{ }}` escapes; the only
// triple-stashes are the highlighted article (src/web/highlight.ts) and the statements chart
// (src/web/chart.ts), both built by escaping every piece.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { explanationLead } from "../nlp/claims";
import { VIEWS_DIR } from "../paths";
import { urls } from "./urls";

export interface LayoutModel {
  title: string;
  nav: string;
  /** the signed-in reviewer, and the CSRF token for the sign-out form */
  reviewer?: { name: string } | null;
  csrf?: string;
  /** the sign-in link that comes back to this page */
  sign_in_here?: string;
}

export interface Views {
  render(page: string, model: object, layout: LayoutModel): string;
}

function templatesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith(".hbs")) out.set(basename(file, ".hbs"), readFileSync(join(dir, file), "utf8"));
  }
  return out;
}

const NAV = [
  { key: "home", label: "Overview", href: urls.home() },
  { key: "sources", label: "Sources", href: urls.sources() },
  { key: "people", label: "People", href: urls.people() },
  { key: "quotes", label: "Quotes", href: urls.quotes() },
  { key: "claims", label: "Claims", href: urls.claims() },
  { key: "conflicts", label: "Conflicts", href: urls.conflicts() },
  { key: "review", label: "Review", href: urls.reviewQueue() },
  { key: "new", label: "Add an article", href: urls.newSource() },
];

export function createViews(dir: string = VIEWS_DIR): Views {
  const hb = Handlebars.create();
  // a claim's explanation before its "Named nearby, …" sentence (views/partials/claim-why.hbs); a plain
  // string, escaped by `{{ }}` like any other value
  hb.registerHelper("explanationLead", (s: unknown) => (typeof s === "string" ? explanationLead(s) : ""));
  for (const [name, source] of templatesIn(join(dir, "partials"))) hb.registerPartial(name, source);
  const options = { strict: false, preventIndent: true };
  const layout = hb.compile(readFileSync(join(dir, "layouts", "main.hbs"), "utf8"), options);
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of templatesIn(join(dir, "pages"))) pages.set(name, hb.compile(source, options));
  return {
    render(page, model, { title, nav, reviewer, csrf, sign_in_here }) {
      const template = pages.get(page);
      if (!template) throw new Error(`no template views/pages/${page}.hbs`);
      const body = template(model);
      return layout({
        title,
        body,
        stylesheet: urls.asset("site.css"),
        favicon: urls.asset("favicon.svg"),
        script: urls.asset("review.js"),
        reviewer: reviewer ?? null,
        csrf: csrf ?? "",
        sign_in: sign_in_here ?? urls.signIn(),
        sign_out: urls.signOut(),
        nav: NAV.map((n) => ({ ...n, current: n.key === nav })),
      });
    },
  };
}
