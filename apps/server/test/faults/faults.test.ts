import { describe, expect, it } from 'vitest';
import { planFromEnv, runFaults } from './fault-run.ts';

/**
 * Delivery under faults: the real server process on a file database, visitors and agents
 * exchanging numbered messages through a proxy that cuts and stalls, SIGKILL + restart at random
 * moments, widget reloads with messages still in the outbox. CI runs the short form; the long
 * form is the same test with FAULTS_* set (README, "Trust suites").
 */
describe('delivery under faults', () => {
  it('loses, duplicates and reorders nothing through kills, cuts, stalls and reloads', async () => {
    const report = await runFaults(planFromEnv(process.env));
    console.info(`[faults] ${JSON.stringify({ ...report, problems: report.problems.length })}`);
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(report.plan.kills);
    expect(report.stored).toBe(report.sent);
  }, 600_000);
});
