import { describe, expect, it } from 'vitest';
import { useHearthAndChromium } from './server-process.ts';
import { apiLogin, openWidget, ownerCall } from './hearth-api.ts';
import { axeViolations, connectAgent, patchDemoSettings, queryDb, widgetFrame } from './widget-helpers.ts';

const suite = useHearthAndChromium();

const query = <T>(statement: string, ...params: unknown[]): T[] => queryDb<T>(suite.hearth.dataDir, statement, ...params);

describe('the contact form: offline and pre-chat', () => {
  // First in the file: no agent has connected yet, so nobody is online.
  it('offline: errors are tied to their fields, focus goes to the first one, and axe finds nothing', async () => {
    const context = await suite.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      const frame = await widgetFrame(page);
      await panel.getByText("We're away right now.", { exact: false }).waitFor();
      expect(await axeViolations(frame)).toEqual([]);

      await panel.getByRole('button', { name: 'Send message' }).click();
      const email = panel.getByRole('textbox', { name: 'Email' });
      // The name is optional offline: the first error is the email's, and it has focus.
      await frame.waitForFunction(() => document.activeElement?.id === 'offline-email');
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby'))!;
      expect(await frame.locator(`#${describedBy}`).textContent()).toBe('Please fill in this field.');
      expect(await panel.getByRole('textbox', { name: 'Message' }).getAttribute('aria-describedby')).toBe('offline-message-error');
      expect(await axeViolations(frame)).toEqual([]);

      await email.fill('not an email');
      await panel.getByRole('textbox', { name: 'Message' }).fill('Do you sell gift cards?');
      await panel.getByRole('button', { name: 'Send message' }).click();
      await panel.getByText('Please enter an email address like name@example.com.').waitFor();
      await email.fill('grace@example.com');
      await panel.getByRole('button', { name: 'Send message' }).click();
      await panel.getByText("Thanks — we'll reply by email or here when we're back.").waitFor();
      await panel.getByRole('log').getByText('Do you sell gift cards?', { exact: false }).waitFor();
      // The email also reached the visitor's profile (visitor:update), not only the message text.
      await expect.poll(() => query("select email from visitors where email = 'grace@example.com'").length).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('pre-chat: asks the site\'s questions first, stores name and email before the first message, and the topic routes it', async () => {
    const { session, cookie } = await apiLogin(suite.hearth.url);
    const siteId = session.sites[0]!.id;
    const billing = await ownerCall<{ id: string }>(suite.hearth.url, cookie, 'POST', `/api/sites/${siteId}/departments`, { name: 'Billing' });
    patchDemoSettings(suite.hearth.dataDir, { prechat: { enabled: true, name: 'required', email: 'optional', topic: 'required' } });
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      const panel = await openWidget(page, suite.hearth.url);
      const frame = await widgetFrame(page);
      await panel.getByText('Before we start, please tell us a little about you.').waitFor();
      // The composer waits until the form is answered.
      expect(await panel.getByRole('textbox', { name: 'Write a message…' }).count()).toBe(0);
      expect(await axeViolations(frame)).toEqual([]);

      await panel.getByRole('button', { name: 'Start chat' }).click();
      await frame.waitForFunction(() => document.activeElement?.id === 'prechat-name');
      for (const id of ['prechat-name', 'prechat-topic', 'prechat-message']) {
        expect(await frame.locator(`#${id}`).getAttribute('aria-describedby')).toBe(`${id}-error`);
      }
      expect(await frame.locator('#prechat-email').getAttribute('aria-invalid')).toBeNull();
      expect(await frame.locator('#prechat-name').getAttribute('required')).not.toBeNull();
      expect(await axeViolations(frame)).toEqual([]);

      await panel.getByRole('textbox', { name: 'Name' }).fill('Ada Prechat');
      await panel.getByRole('textbox', { name: 'Email' }).fill('ada.prechat@example.com');
      await panel.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Billing' });
      await panel.getByRole('textbox', { name: 'Message' }).fill('My invoice shows the wrong address.');
      await panel.getByRole('button', { name: 'Start chat' }).click();
      await panel.getByRole('log').getByText('My invoice shows the wrong address.').waitFor();

      const visitors = () => query<{ id: string; email: string }>("select id, email from visitors where name = 'Ada Prechat'");
      await expect.poll(() => visitors().length).toBe(1);
      const visitor = visitors()[0];
      expect(visitor!.email).toBe('ada.prechat@example.com');
      // The profile arrived before the message: the message was stored under the visitor's name.
      // (The log shows the message before its commit: wait for the server to have it.)
      await expect.poll(() => query("select author_name as name from messages where body = 'My invoice shows the wrong address.'")).toEqual([{ name: 'Ada Prechat' }]);
      expect(query('select department_id as departmentId from conversations where visitor_id = ?', visitor!.id)).toEqual([{ departmentId: billing.id }]);
      // Answered once: the chat goes on in the composer.
      await panel.getByRole('textbox', { name: 'Message' }).waitFor();
    } finally {
      patchDemoSettings(suite.hearth.dataDir, { prechat: { enabled: false } });
      agent.disconnect();
      await context.close();
    }
  });
});
