import { useCallback, useEffect, useState } from 'react';
import { addressWithView, viewOfAddress, type WindowView } from './windowViews.ts';

/** The view the window shows, kept in the address so that a reload comes back to it. */
export function useWindowView(): [WindowView, (view: WindowView) => void] {
  const [view, setView] = useState<WindowView>(() => viewOfAddress(window.location.hash));
  useEffect(() => {
    const follow = () => setView(viewOfAddress(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const show = useCallback((next: WindowView) => {
    // replaceState: the view is where the technician is, not a history to go back through.
    window.history.replaceState(null, '', addressWithView(window.location.hash, next));
    setView(next);
  }, []);
  return [view, show];
}
