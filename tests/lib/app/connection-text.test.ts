import { describe, expect, it } from 'vitest';
import { connectionText } from '../../../src/lib/app/connection-text';
import type { ConnectionState } from '../../../src/lib/data/connection';

const state = (s: Partial<ConnectionState>): ConnectionState => ({ status: 'live', attempt: 0, since: null, error: null, ...s });

describe('connection state in words', () => {
  it('says live, naming the embedded database', () => {
    expect(connectionText(state({}), 'embedded', 'zh')).toBe('实时 · 本地数据库');
    expect(connectionText(state({}), 'embedded', 'en')).toBe('Live · embedded');
    expect(connectionText(state({}), 'supabase', 'zh')).toBe('实时');
    expect(connectionText(state({ status: 'connecting' }), 'supabase', 'en')).toBe('Connecting');
  });

  it('counts the reconnect attempt under way', () => {
    expect(connectionText(state({ status: 'reconnecting', attempt: 0, since: 0 }), 'supabase', 'zh')).toBe('重连中（第 1 次）');
    expect(connectionText(state({ status: 'reconnecting', attempt: 2, since: 0 }), 'supabase', 'en')).toBe('Reconnecting (attempt 3)');
  });

  it('gives the time the outage began in Shanghai time', () => {
    const since = Date.UTC(2026, 10, 24, 6, 5); // 14:05 in Shanghai
    expect(connectionText(state({ status: 'offline', attempt: 4, since }), 'supabase', 'zh')).toBe('离线，自 14:05');
    expect(connectionText(state({ status: 'offline', attempt: 4, since }), 'supabase', 'en')).toBe('Offline since 14:05');
  });
});
