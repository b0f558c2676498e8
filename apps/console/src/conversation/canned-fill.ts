/**
 * Fills a canned reply's placeholders: `{{visitor.name}}`, `{{visitor.email}}`,
 * `{{visitor.first_name}}`, `{{agent.name}}`, `{{site.name}}`, each optionally with a fallback after a
 * bar (`{{visitor.name | there}}`) used when the value is unknown. Unknown placeholders stay visible
 * as written, so the agent sees the mistake before sending rather than a silent gap.
 *
 * @example fillPlaceholders('Hi {{visitor.first_name | there}}!', { visitor: { name: 'Ada Lovelace' } }) // 'Hi Ada!'
 */
export interface PlaceholderContext {
  visitor?: { name?: string | null; email?: string | null };
  agent?: { name?: string | null };
  site?: { name?: string | null };
}

const PLACEHOLDER = /\{\{\s*([a-z_.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

function placeholderValue(key: string, ctx: PlaceholderContext): string | null | undefined {
  switch (key) {
    case 'visitor.name':
      return ctx.visitor?.name;
    case 'visitor.email':
      return ctx.visitor?.email;
    case 'visitor.first_name':
      return ctx.visitor?.name?.trim().split(/\s+/)[0];
    case 'agent.name':
      return ctx.agent?.name;
    case 'site.name':
      return ctx.site?.name;
    default:
      return undefined; // not a placeholder we know
  }
}

const KNOWN = new Set(['visitor.name', 'visitor.email', 'visitor.first_name', 'agent.name', 'site.name']);

export function fillPlaceholders(text: string, ctx: PlaceholderContext): string {
  return text.replace(PLACEHOLDER, (whole, key: string, fallback: string | undefined) => {
    if (!KNOWN.has(key)) return whole;
    const value = placeholderValue(key, ctx)?.trim();
    if (value) return value;
    return fallback ?? '';
  });
}
