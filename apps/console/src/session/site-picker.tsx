/**
 * The "Site" select of pages that work on one of the agent's sites (or, with `allLabel`, on all of
 * them: the empty value). Callers show it only when the agent has more than one site.
 */
interface SitePickerProps<Id extends string> {
  sites: ReadonlyArray<{ id: Id; name: string }>;
  value: string;
  onChange(siteId: Id): void;
  /** An extra first option with the empty value, e.g. "All my sites". */
  allLabel?: string;
  class?: string;
}

export function SitePicker<Id extends string>({ sites, value, onChange, allLabel, class: className }: SitePickerProps<Id>) {
  return (
    <label class={className}>
      Site{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as Id)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
