import type { CartState } from '@hearth/chat-client';

/**
 * `Hearth('track', 'cart', { value, currency, items })`: the host's cart. `items` may be a count or
 * an array of line items; an empty cart (no items, or value 0 with no count) clears it.
 */
export function cartFromProps(props: unknown): CartState | null {
  const p = (props ?? {}) as { value?: unknown; currency?: unknown; items?: unknown };
  const value = Number(p.value) || 0;
  const items = Array.isArray(p.items) ? p.items.length : Number(p.items) || 0;
  const currency = typeof p.currency === 'string' ? p.currency.slice(0, 8) : '';
  return items > 0 || (value > 0 && p.items === undefined) ? { value, currency, items: items || 1 } : null;
}

export interface AbandonInput {
  cart: CartState | null;
  purchased: boolean;
  /** 'left through the top' or 'tab hidden', once seen. */
  exit: string | null;
  /** Seconds idle on a checkout-like page (0 elsewhere). */
  idleOnCheckoutS: number;
  /** True once the visitor navigated away from a checkout-like page. */
  leftCheckout: boolean;
}

/**
 * Why the cart counts as abandoned, or null: a non-empty cart, no purchase, and then exit intent,
 * idling on the checkout page, or leaving it.
 */
export function abandonReason(s: AbandonInput, idleLimitS: number): string | null {
  if (!s.cart || s.cart.items <= 0 || s.purchased) return null;
  if (s.leftCheckout) return 'left checkout';
  if (s.exit) return s.exit;
  return idleLimitS > 0 && s.idleOnCheckoutS >= idleLimitS ? `idle ${s.idleOnCheckoutS} s on checkout` : null;
}
