import { describe, expect, it } from 'vitest';
import { abandonReason, cartFromProps } from './cart.ts';

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

