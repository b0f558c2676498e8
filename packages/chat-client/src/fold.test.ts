import { describe, expect, it } from 'vitest';
import { fold, foldedIncludes } from './fold.ts';

/** Issue 16 item 7: every filter a person types into matches case- and accent-insensitively. */
describe('fold', () => {
  it('drops case and accents on any letter', () => {
    expect(fold('Olá, tudo bem?')).toBe('ola, tudo bem?');
    expect(fold('Bom dia, MANHÃ')).toBe('bom dia, manha');
    expect(fold('Größe')).toBe('grosse');
    expect(fold('Ærø Łódź Đorđe Işık Þór')).toBe('aero lodz dorde isik thor');
    expect(fold('ÇA VA? Ñandú Ångström Čeština')).toBe('ca va? nandu angstrom cestina');
    expect(fold('ИВАН Ёлка')).toBe('иван елка');
    expect(fold('Ἀθῆναι')).toBe('αθηναι');
  });
  it('matches decomposed input against composed text, ligatures and full-width forms', () => {
    expect(fold('ola\u0301')).toBe(fold('olá'));
    expect(fold('ﬁle')).toBe('file');
    expect(fold('ＨＥＡＲＴＨ')).toBe('hearth');
  });
});

describe('foldedIncludes', () => {
  it('finds the query in any of the texts', () => {
    expect(foldedIncludes('ola', 'Olá, tudo bem?')).toBe(true);
    expect(foldedIncludes('MANHA', 'Bom dia', 'Boa manhã')).toBe(true);
    expect(foldedIncludes('grosse', 'Größe passt nicht')).toBe(true);
    expect(foldedIncludes('josé', 'Jose Garcia')).toBe(true);
    expect(foldedIncludes('xyz', 'Olá')).toBe(false);
    expect(foldedIncludes('  ', 'anything')).toBe(true);
  });
});
