import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  /** What the tabs choose between, for screen readers. */
  label: string;
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix of the tabs' and the panel's ids (unique on the page). */
  idPrefix: string;
  /** The selected tab's content; the others are not drawn. */
  children: ReactNode;
}

const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * Tabs after the WAI-ARIA pattern: one tab stop, arrow keys (and Home/End) move between tabs and show each at once,
 * Tab goes on into the panel. The tabs wrap onto a second line rather than scroll a narrow screen sideways.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix, children }: TabsProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    // From the tab that has focus, not the one drawn as selected: a quick second key press comes before the redraw.
    const at = tabs.findIndex((tab) => buttons.current.get(tab.id) === event.target);
    if (at < 0) return;
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in to)) return;
    event.preventDefault();
    const next = tabs[(to[event.key] + tabs.length) % tabs.length].id;
    onSelect(next);
    buttons.current.get(next)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            className="tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={tab.id === selected ? panelId(idPrefix, tab.id) : undefined}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="tabs__panel stack" role="tabpanel" id={panelId(idPrefix, selected)} aria-labelledby={tabId(idPrefix, selected)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
