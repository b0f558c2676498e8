import type { WidgetLocale } from '@hearth/protocol';
// Not the protocol's WIDGET_LOCALES: the protocol's runtime modules pull zod into the bundle.
import { LOCALES } from './string-tables.ts';

export type { Strings, StringKey } from './en.ts';

/**
 * The widget's language: the host page's `setLocale` wins, then the site's setting, then the first
 * of the browser's languages we speak (by primary subtag: de-AT is German), then English.
 *
 * @example pickLocale(null, null, ['fr-FR', 'es-MX']) // 'es'
 */
export function pickLocale(hostLocale: string | null, siteLocale: string | null, browserLanguages: readonly string[]): WidgetLocale {
  for (const tag of [hostLocale, siteLocale, ...browserLanguages]) {
    const primary = tag?.toLowerCase().split('-')[0];
    const match = LOCALES.find((l) => l === primary);
    if (match) return match;
  }
  return 'en';
}

/**
 * Fills `{name}` placeholders. Values are plain text (rendered as text nodes, never HTML).
 *
 * @example format('{name} is typing…', { name: 'Ada' }) // 'Ada is typing…'
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * `format` for markup: the template's text with the given nodes in place of its placeholders, so a
 * name goes in as <bdi> and a Hebrew name keeps its direction inside an English sentence.
 *
 * @example formatParts('{name} is typing…', { name: <bdi>דנה</bdi> }) // [<bdi>דנה</bdi>, ' is typing…']
 */
export const formatParts = <T,>(template: string, values: Record<string, T>): Array<string | T> =>
  template.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (values[part] ?? `{${part}}`) : part));

/** The placeholder names of a template, sorted (for the locale consistency test). */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
