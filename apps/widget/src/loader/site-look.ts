import type { Appearance, WidgetPublicConfig, WidgetTriggerConfig } from '@hearth/protocol';
import { isRecord, loadJson, storeJson } from './host-storage.ts';
import type { LoaderConfig } from './script-config.ts';

/** What the loader draws with: the part of the site's appearance the launcher and prompt use. */
export type SiteLook = Pick<Appearance, 'brandColor' | 'position' | 'theme' | 'launcherLabel' | 'locale'> & Pick<WidgetPublicConfig, 'onBrand'>;

export const DEFAULT_LOOK: SiteLook = { brandColor: '#4f46e5', onBrand: '#ffffff', position: 'right', theme: 'auto', launcherLabel: '', locale: null };

/**
 * A look from the server or from this device's storage, over the defaults. The server validated it;
 * the stored copy may be from an older version (missing fields) or damaged (a non-color would break
 * the contrast computation), hence the check of the one value the loader computes with.
 */
export function withDefaults(value: Partial<SiteLook> | null | undefined): SiteLook {
  const look = { ...DEFAULT_LOOK, ...value };
  const color = /^#[0-9a-f]{6}$/i;
  // The text color belongs to its brand color: one bad, both default.
  return color.test(look.brandColor) && color.test(look.onBrand) ? look : { ...look, brandColor: DEFAULT_LOOK.brandColor, onBrand: DEFAULT_LOOK.onBrand };
}

const lookKey = (siteKey: string): string => `hearth:look:${siteKey}`;

/** The look this device saw last time, so a returning visitor's launcher is right at once. */
export const cachedLook = (siteKey: string): SiteLook | null => {
  const cached = loadJson<Partial<SiteLook> | null>(lookKey(siteKey), null, isRecord);
  return cached && withDefaults(cached);
};

/**
 * One request for everything the loader needs from the server: `GET /api/widget/config`. The look is
 * cached on this device; triggers are not (they depend on who is online right now).
 */
export function fetchSiteConfig(config: LoaderConfig, onLoaded: (look: SiteLook | null, triggers: WidgetTriggerConfig | null) => void): void {
  const loaded = (result: WidgetPublicConfig | null): void => {
    const look = result && withDefaults({ ...result.appearance, onBrand: result.onBrand });
    if (look) storeJson(lookKey(config.siteKey), look);
    onLoaded(look, result?.triggers ?? null);
  };
  try {
    fetch(`${config.origin}/api/widget/config?site=${encodeURIComponent(config.siteKey)}`)
      .then((r) => (r.ok ? (r.json() as Promise<WidgetPublicConfig>) : null))
      .catch(() => null)
      .then(loaded)
      .catch((error: unknown) => console.error('[hearth]', error));
  } catch {
    // The page replaced fetch with one that throws: draw the default look, show no triggers.
    loaded(null);
  }
}
