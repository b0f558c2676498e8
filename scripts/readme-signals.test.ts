import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNAL_CATALOG, type SignalParam } from '../packages/protocol/src/trigger-signals.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function paramText(p: SignalParam): string {
  if (p.kind === 'choice') return `\`${p.name}\`: ${p.choices.map((c) => `\`${c.value}\``).join(' / ')}`;
  if (p.kind === 'text') return `\`${p.name}\`: text ≤ ${p.maxLength}`;
  return `\`${p.name}\`: ${p.kind === 'integer' ? 'whole number' : 'number'} ${p.min}–${p.max}${p.unit ? ` ${p.unit}` : ''}${p.optional ? ' (optional)' : ''}`;
}

describe('the README lists every trigger signal and its parameters', () => {
  it('has one row per signal of the catalog, with its parameters and description', () => {
    for (const s of SIGNAL_CATALOG) {
      const params = s.params.length ? s.params.map(paramText).join('; ') : '—';
      expect(readme).toContain(`| ${s.label} | \`${s.signal}\` | ${params} | ${s.description} |`);
    }
  });
});
