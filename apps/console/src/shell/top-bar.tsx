import type { ComponentChildren } from 'preact';
import type { ConsolePage } from '../routing/console-page.ts';
import { useDisclosure } from './use-disclosure.ts';
import { useFits } from './use-fits.ts';

export interface PageLink {
  page: ConsolePage;
  label: string;
  href: string;
}

interface Props {
  pages: readonly PageLink[];
  current: ConsolePage;
  onGo: (page: ConsolePage) => void;
  /** The connection pill, the status control and the account menu, right-aligned. */
  children: ComponentChildren;
}

/**
 * The console's top bar: the brand, the pages, and the agent's controls. The pages show as links
 * while they fit beside the rest; when they do not (a narrow window, a long name, more pages), they
 * collapse into one "Menu" button naming the current page, so nothing is ever clipped or scrolled.
 */
export function TopBar({ pages, current, onGo, children }: Props) {
  const { fits, bar, row } = useFits([pages.map((p) => p.label).join('|')]);
  const menu = useDisclosure<HTMLDivElement>();
  const currentLabel = pages.find((p) => p.page === current)?.label ?? 'Inbox';

  const links = (onPick?: () => void) =>
    pages.map(({ page, label, href }) => (
      <a
        key={page}
        href={href}
        aria-current={current === page ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          onPick?.();
          onGo(page);
        }}
      >
        {label}
      </a>
    ));

  return (
    <header class="topbar" ref={bar}>
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        Hearth
      </div>
      {fits ? (
        <nav class="topnav" aria-label="Pages" ref={row}>
          {links()}
        </nav>
      ) : (
        <div class="page-menu" ref={menu.root} data-collapsed-only="true">
          <button type="button" class="button page-menu-button" aria-controls="page-menu-list" {...menu.button}>
            <span class="menu-icon" aria-hidden="true" />
            <span class="visually-hidden">Menu, current page: </span>
            {currentLabel}
          </button>
          {menu.open && (
            <nav id="page-menu-list" class="popover page-menu-list" aria-label="Pages">
              {links(menu.close)}
            </nav>
          )}
        </div>
      )}
      <div class="topbar-end">{children}</div>
    </header>
  );
}
