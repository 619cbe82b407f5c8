import { writeCachedView } from '../data/view-cache';
import type { OverlayStores } from '../overlays/overlay-stores.svelte';

const SAVE_EVERY_MS = 60_000;

/**
 * Saves what the map shows for the next visit: once it is current, at most
 * once a minute while changes arrive, and when the page is hidden (a closing
 * tab may not finish; the next visit then catches up from an older save).
 * Returns the function that stops it.
 */
export function keepView(stores: OverlayStores, scope: string): () => void {
  let savedChange = -1;
  const save = () => {
    const view = stores.view();
    if (!view || savedChange === stores.lastChangeAt) return;
    savedChange = stores.lastChangeAt;
    writeCachedView(scope, view).catch((error) => console.warn('citygrid: could not save the view', error));
  };
  const timer = setInterval(save, SAVE_EVERY_MS);
  const onHide = () => document.visibilityState === 'hidden' && save();
  document.addEventListener('visibilitychange', onHide);
  save();
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onHide);
  };
}
