import { describe, expect, it } from 'vitest';
import { createRageClickDetector, type ClickSample } from './rage-click.ts';
import { abandonReason, cartFromProps } from './cart.ts';
import { isTopExit } from './exit-intent.ts';
import { scrollPercent, utmOf } from './page-signals.ts';

const settings = { clicks: 3, windowMs: 1000, radiusPx: 30 };
const pay = { id: 'pay' };
const coupon = { id: 'coupon' };
const click = (t: number, target: unknown = pay, x = 100, y = 100): ClickSample => ({ t, x, y, target, label: 'Pay now' });
const run = (clicks: ClickSample[]) => {
  const detect = createRageClickDetector(settings);
  return clicks.map(detect).filter(Boolean);
};

describe('rage click detector', () => {
  it('fires on 3 quick clicks on the same spot, with the count and duration', () => {
    expect(run([click(0), click(200), click(450)])).toEqual([{ clicks: 3, ms: 450, label: 'Pay now' }]);
    const five = run([click(0), click(200), click(400), click(700), click(900, pay, 110, 95)]);
    expect(five.at(-1)).toEqual({ clicks: 5, ms: 900, label: 'Pay now' });
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

describe('cart and cart abandon', () => {
  it('reads the cart from the JS API; an empty cart clears it', () => {
    expect(cartFromProps({ value: 84, currency: 'EUR', items: [{}, {}, {}] })).toEqual({ value: 84, currency: 'EUR', items: 3 });
    expect(cartFromProps({ value: 0, currency: 'EUR', items: [] })).toBeNull();
    expect(cartFromProps(null)).toBeNull();
  });
  it('needs a non-empty cart and no purchase, then exit, idle on checkout or leaving checkout', () => {
    const cart = { value: 84, currency: 'EUR', items: 3 };
    const quiet = { cart, purchased: false, exit: null, idleOnCheckoutS: 0, leftCheckout: false };
    expect(abandonReason(quiet, 30)).toBeNull();
    expect(abandonReason({ ...quiet, exit: 'left through the top' }, 30)).toBe('left through the top');
    expect(abandonReason({ ...quiet, idleOnCheckoutS: 29 }, 30)).toBeNull();
    expect(abandonReason({ ...quiet, idleOnCheckoutS: 30 }, 30)).toBe('idle 30 s on checkout');
    expect(abandonReason({ ...quiet, leftCheckout: true }, 30)).toBe('left checkout');
    expect(abandonReason({ ...quiet, exit: 'tab hidden', purchased: true }, 30)).toBeNull();
    expect(abandonReason({ ...quiet, cart: null, exit: 'tab hidden' }, 30)).toBeNull();
  });
});

describe('page signals', () => {
  it('exit intent is the pointer leaving the document through the top only', () => {
    expect(isTopExit({ clientY: -2, relatedTarget: null })).toBe(true);
    expect(isTopExit({ clientY: 300, relatedTarget: null })).toBe(false); // out through a side
    expect(isTopExit({ clientY: -2, relatedTarget: {} })).toBe(false); // onto another element
  });
  it('reads utm tags and scroll depth', () => {
    expect(utmOf('?utm_source=mail&utm_campaign=spring&q=1')).toEqual({ source: 'mail', campaign: 'spring' });
    expect(scrollPercent(0, 800, 800)).toBe(100);
    expect(scrollPercent(600, 800, 2800)).toBe(50);
  });
});
