import { expect, it } from 'vitest';
import { MESSAGE_BODY_MAX as protocolMax } from '@hearth/protocol';
import { MESSAGE_BODY_MAX } from './message-limits.ts';

it('mirrors the protocol limit', () => {
  expect(MESSAGE_BODY_MAX).toBe(protocolMax);
});
