import { describe, expect, it } from 'vitest';
import { agentCommandSchemas, visitorCommandSchemas } from '@hearth/protocol';
import { CommandRegistry } from './command-registry.ts';

describe('CommandRegistry', () => {
  it('refuses a command registered twice', () => {
    const registry = new CommandRegistry();
    registry.agentCommands(['note:add'], () => ({ 'note:add': async () => ({ note: null as never }) }));
    expect(() => registry.agentCommands(['note:add'], () => ({ 'note:add': async () => ({ note: null as never }) }))).toThrow(/note:add is registered twice/);
  });

  it('names every protocol command that has no handler', () => {
    const registry = new CommandRegistry();
    registry.agentCommands(['note:add'], () => ({ 'note:add': async () => ({ note: null as never }) }));
    const error = (() => {
      try {
        registry.assertComplete();
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('visitor message:send');
    expect(error?.message).not.toContain('agent note:add');
    const missing = error!.message.split(': ')[1]!.split(', ');
    expect(missing).toHaveLength(Object.keys(agentCommandSchemas).length - 1 + Object.keys(visitorCommandSchemas).length);
  });
});
