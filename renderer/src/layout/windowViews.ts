/** The views of an open session, in the order of the navigation and of their Alt+digit shortcuts. */
export const WINDOW_VIEWS = [
  { id: 'now', title: 'Now' },
  { id: 'step', title: 'Step' },
  { id: 'plan', title: 'Plan' },
  { id: 'tapes', title: 'Tapes' },
  { id: 'servers', title: 'Servers' },
  { id: 'report', title: 'Report' },
] as const;
export type WindowView = (typeof WINDOW_VIEWS)[number]['id'];

const VIEW_IDS = new Set<string>(WINDOW_VIEWS.map((view) => view.id));

/**
 * The view named in the address's fragment (`#token=…&view=tapes`), so a reload lands where the window
 * was. The fragment also carries the browser harness's access token, which every change keeps.
 */
export function viewOfAddress(hash: string): WindowView {
  const view = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  return view !== null && VIEW_IDS.has(view) ? (view as WindowView) : 'now';
}

/** The fragment with `view` set and everything else (the harness's token) as it was. */
export function addressWithView(hash: string, view: WindowView): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set('view', view);
  return `#${params.toString()}`;
}
