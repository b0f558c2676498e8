import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchOptions, runBench, STEPS } from './run.ts';

/**
 * The bench's quick form, so `pnpm bench` keeps working: every step runs at smoke size against
 * real child processes. It checks the shape of the results and that no message was lost, never a
 * timing (machines are noisy; figures belong to `pnpm bench`).
 */
describe('pnpm bench --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every step, loses no message and writes results.json', async () => {
    const out = join(dir, 'results.json');
    const options = { ...benchOptions(['--quick'], {}), out };
    expect(options.steps).toEqual([...STEPS]);
    const results = (await runBench(options)) as Record<string, any>;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(results)));

    expect(results.widget.loader.gzip).toBeGreaterThan(0);
    expect(results.widget.panel.brotli).toBeGreaterThan(0);
    expect(results.launcher.loads).toBe(options.launcherLoads);
    expect(results.launcher.launcherMedianMs).toBeGreaterThanOrEqual(0);

    for (const target of ['hearth', 'baseline'] as const) {
      const [phase] = results.messages[target].phases;
      expect(phase.sent).toBe(Math.round((options.rates[0]! * options.durationMs) / 1000));
      expect(phase.acked).toBe(phase.sent);
      expect(phase.ackFailed).toBe(0);
      expect(phase.delivered).toBe(phase.sent);
      expect(phase.lost).toBe(0);
      expect(phase.e2e.p99Ms).toBeGreaterThan(0);
    }
    // Hearth stored every message it acked; the relay stores nothing.
    const [hearth] = results.messages.hearth.phases;
    expect(hearth.stored).toBe(hearth.sent);
    expect(results.messages.hearthOverBaseline).toHaveLength(options.rates.length);

    expect(results.idle.opened).toBe(options.idleSockets);
    expect(results.idle.stillOpenAfterIdle).toBe(options.idleSockets);
    expect(results.store.map((s: { mode: string }) => s.mode)).toEqual(['group commit', 'one commit per message']);
    // The bench site gives each agent 5 slots: the drain fills exactly the free slots, never more.
    expect(results.routing.drainAssigned).toBe(Math.min(results.routing.waiting, results.routing.agents * 5));
    expect(results.routing.decisionMicrosP50).toBeGreaterThan(0);
    // Every webhook event delivered once, each conversation's in order.
    expect(results.webhooks).toMatchObject({ events: options.webhookEvents, delivered: options.webhookEvents, duplicates: 0, inOrder: true });
    expect(results.goals.length).toBeGreaterThan(5);
  });
});
