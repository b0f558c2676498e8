import { describe, expect, it } from 'vitest';
import type { CannedReply } from '@hearth/protocol';
import { insertReply, matchCanned, slashTokenAt } from './canned-query.ts';
import { sid } from '../test-support/fixtures.ts';

const reply = (shortcut: string, title: string, scope: 'site' | 'personal' = 'site'): CannedReply => ({
  id: shortcut + scope,
  siteId: sid('s1'),
  scope,
  agentId: null,
  title,
  shortcut,
  text: title,
  editable: false,
  updatedAt: 0,
});

describe('slash token', () => {
  it('finds a slash at the start of a word before the caret', () => {
    expect(slashTokenAt('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashTokenAt('Thanks! /ref', 12)).toEqual({ start: 8, query: 'ref' });
    expect(slashTokenAt('line\n/hi', 8)).toEqual({ start: 5, query: 'hi' });
  });
  it('takes any letter, accented or not, so typing /olá or /привет keeps the picker open (issue 16 item 7)', () => {
    expect(slashTokenAt('/olá', 4)).toEqual({ start: 0, query: 'olá' });
    expect(slashTokenAt('Hi /Manhã', 9)).toEqual({ start: 3, query: 'manhã' });
    expect(slashTokenAt('/ola\u0301', 5)).toEqual({ start: 0, query: 'ola\u0301' });
    expect(slashTokenAt('/привет', 7)).toEqual({ start: 0, query: 'привет' });
    expect(slashTokenAt('/退货', 3)).toEqual({ start: 0, query: '退货' });
  });
  it('ignores slashes inside words and URLs', () => {
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('https://x.test/path', 19)).toBeNull();
    expect(slashTokenAt('/hi there', 9)).toBeNull();
  });
});

describe('matchCanned', () => {
  const all = [reply('refund', 'Refund policy'), reply('hi', 'Greeting'), reply('hi', 'My greeting', 'personal'), reply('ship', 'Shipping times')];
  it('ranks shortcut prefixes first and personal before site-wide', () => {
    expect(matchCanned(all, 'hi').map((r) => r.title)).toEqual(['My greeting', 'Greeting', 'Shipping times']);
    expect(matchCanned(all, 'policy').map((r) => r.shortcut)).toEqual(['refund']);
    expect(matchCanned(all, '').length).toBe(4);
  });
  it('matches titles and shortcuts case- and accent-insensitively, both ways (issue 16 item 7)', () => {
    const pt = [reply('ola', 'Olá, tudo bem?'), reply('bom-dia', 'Bom dia, manhã cedo'), reply('grosse', 'Größe'), reply('ru', 'Привет, Ёлка')];
    for (const [query, shortcut] of [['ola', 'ola'], ['olá', 'ola'], ['OLÁ', 'ola'], ['ola\u0301', 'ola'], ['manha', 'bom-dia'], ['MANHÃ', 'bom-dia'], ['grosse', 'grosse'], ['größe', 'grosse'], ['привет', 'ru'], ['елка', 'ru']] as const) {
      expect(matchCanned(pt, query).map((r) => r.shortcut), query).toContain(shortcut);
    }
    expect(matchCanned(pt, 'tchau')).toEqual([]);
  });
});

describe('insertReply', () => {
  it('replaces the token and puts the caret after the text', () => {
    expect(insertReply('Ok /re thanks', { start: 3, query: 're' }, 'Refunds take 5 days.')).toEqual({ text: 'Ok Refunds take 5 days. thanks', caret: 23 });
  });
});
