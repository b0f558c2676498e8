import { eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { InstanceStore } from '../../bootstrap/instance.store.ts';

const { instanceSettings } = schema;

export function sqliteInstanceStore(db: HearthDb): InstanceStore {
  return {
    async settingOrInit(key, candidate) {
      db.insert(instanceSettings).values({ key, value: candidate }).onConflictDoNothing().run();
      return db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key)).get()!.value;
    },

    // One writer: a unit already runs alone.
    async lockInstallation() {},
  };
}
