import type { ConnectionState } from '../data/connection';
import type { Locale } from '../i18n/locale.svelte';
import { STRINGS, type StringKey } from '../i18n/strings';

const SHANGHAI_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** HH:MM in Shanghai, whatever the browser's own time zone. */
export function shanghaiClock(epochMs: number): string {
  return SHANGHAI_CLOCK.format(epochMs);
}

/**
 * The header's words for a connection state. While reconnecting it names the
 * attempt under way (one more than the attempts that failed).
 */
export function connectionText(state: ConnectionState, backend: 'supabase' | 'embedded', locale: Locale): string {
  const t = (key: StringKey) => STRINGS[key][locale];
  switch (state.status) {
    case 'live':
      return t(backend === 'embedded' ? 'connectionLiveEmbedded' : 'connectionLive');
    case 'connecting':
      return t(backend === 'embedded' ? 'connectionStartingEmbedded' : 'connectionConnecting');
    case 'reconnecting':
      return t('connectionReconnecting').replace('{n}', String(state.attempt + 1));
    case 'offline':
      return t('connectionOffline').replace('{time}', shanghaiClock(state.since ?? Date.now()));
  }
}
