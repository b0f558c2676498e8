import { normalizeOrigin } from '@hearth/protocol';

export interface OriginList {
  /** Normalized, without duplicates: what the server will store. */
  origins: string[];
  /** Lines that are not an http(s) origin, as typed. */
  invalid: string[];
}

/**
 * The allowed-origins text box: one origin per line (commas work too), blank lines ignored.
 *
 * @example parseOriginList('https://Shop.example/\nhttps://shop.example') // { origins: ['https://shop.example'], invalid: [] }
 */
export function parseOriginList(text: string): OriginList {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/[\n,]/).map((l) => l.trim()).filter(Boolean)) {
    const origin = normalizeOrigin(line);
    if (origin === null) invalid.push(line);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, invalid };
}
