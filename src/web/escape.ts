// HTML escaping for the few places that build HTML in code (the highlighted article).
const ENTITIES: Record<string, string> = {
  "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "`": "&#96;", "=": "&#61;",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => ENTITIES[c]!);
}
