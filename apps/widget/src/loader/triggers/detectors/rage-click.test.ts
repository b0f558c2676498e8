import { describe, expect, it } from 'vitest';
import { createRageClickDetector, type ClickSample } from './rage-click.ts';

const settings = { clicks: 3, windowMs: 1000, radiusPx: 30 };
const pay = { id: 'pay' };
const coupon = { id: 'coupon' };
const click = (t: number, target: unknown = pay, x = 100, y = 100): ClickSample => ({ t, x, y, target });
const run = (clicks: ClickSample[]) => {
  const detect = createRageClickDetector(settings);
  return clicks.map(detect).filter(Boolean);
};

describe('rage click detector', () => {
  it('fires on 3 quick clicks on the same spot, with the count and duration', () => {
    expect(run([click(0), click(200), click(450)])).toEqual([{ clicks: 3, ms: 450 }]);
    const five = run([click(0), click(200), click(400), click(700), click(900, pay, 110, 95)]);
    expect(five.at(-1)).toEqual({ clicks: 5, ms: 900 });
  });
  it('ignores a double-click', () => {
    expect(run([click(0), click(150)])).toEqual([]);
  });
  it('ignores fast clicks on different elements', () => {
    expect(run([click(0, pay), click(100, coupon), click(200, pay), click(300, coupon)])).toEqual([]);
  });
  it('ignores clicks far apart in time or space', () => {
    expect(run([click(0), click(800), click(1600), click(2400)])).toEqual([]);
    expect(run([click(0, pay, 0, 0), click(100, pay, 50, 0), click(200, pay, 100, 0)])).toEqual([]);
  });
});

