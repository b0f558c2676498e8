import { describe, expect, it } from 'vitest';
import { useHearthAndChromium } from './server-process.ts';
import { apiLogin, openWidget, putRouting, signInToConsole } from './hearth-api.ts';

const suite = useHearthAndChromium();

describe('routing when nobody answers', () => {
  it('offers the offline form, then sets an agent who misses the chat away, with the reason and a way back', async () => {
    const { session, cookie } = await apiLogin(suite.hearth.url);
    // One miss is enough to be set away, and the 1 s accept timeout makes it happen quickly.
    await putRouting(suite.hearth.url, cookie, session.sites[0]!.id, { acceptTimeoutSeconds: 1, maxMissesBeforeAway: 1 });

    const visitorContext = await suite.browser.newContext();
    const agentContext = await suite.browser.newContext();
    const shop = await visitorContext.newPage();
    const console_ = await agentContext.newPage();
    const pageErrors: string[] = [];
    for (const p of [shop, console_]) p.on('pageerror', (e) => pageErrors.push(e.message));

    // Nobody is online: the visitor leaves a message through the offline form.
    const panel = await openWidget(shop, suite.hearth.url);
    await panel.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await panel.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await panel.getByRole('textbox', { name: 'Message' }).fill('Please call me back about my order.');
    await panel.getByRole('button', { name: 'Send message' }).click();
    await panel.getByText("Thanks — we'll reply by email or here when we're back.").waitFor();
    await panel.getByText('Email: ada@example.com', { exact: false }).waitFor();

    // The owner signs in: the waiting message is routed to them; they do not accept it in time.
    await signInToConsole(console_, suite.hearth.url);
    const banner = console_.getByRole('alert').filter({ hasText: 'You were set to away' });
    await banner.waitFor();
    expect(await console_.getByRole('combobox', { name: 'Your status' }).inputValue()).toBe('away');

    // The missed chat waits in the queue; the owner claims it from there, then goes back online.
    await console_.getByRole('tab', { name: /Queue/ }).click();
    await console_.getByRole('tabpanel').getByText('Please call me back about my order.', { exact: false }).waitFor();
    await console_.getByRole('button', { name: /^Claim conversation/ }).click();
    await console_.getByRole('tabpanel').getByText('No one is waiting', { exact: false }).waitFor();
    await banner.getByRole('button', { name: 'Go back online' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await console_.getByRole('combobox', { name: 'Your status' }).inputValue()).toBe('online');

    expect(pageErrors).toEqual([]);
    await Promise.all([visitorContext.close(), agentContext.close()]);
  });
});
