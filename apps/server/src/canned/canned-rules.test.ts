import { describe, expect, it } from 'vitest';
import type { AgentId } from '@hearth/protocol';
import { mayEditCanned } from './canned-rules.ts';

const me = 'agent-me' as AgentId;
const other = 'agent-other' as AgentId;

describe('mayEditCanned', () => {
  it('site-wide replies are the owners’', () => {
    expect(mayEditCanned({ agentId: null }, 'owner', me)).toBe(true);
    expect(mayEditCanned({ agentId: null }, 'agent', me)).toBe(false);
  });
  it('a personal reply is only its agent’s, whatever the role', () => {
    expect(mayEditCanned({ agentId: me }, 'agent', me)).toBe(true);
    expect(mayEditCanned({ agentId: other }, 'agent', me)).toBe(false);
    expect(mayEditCanned({ agentId: other }, 'owner', me)).toBe(false);
  });
});
