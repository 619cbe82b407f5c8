import { STRINGS, type StringKey } from './strings';

export type Locale = 'zh' | 'en';

/** The UI language: Chinese by default, English on request; remembered per browser. */
class LocaleState {
  current = $state<Locale>(readStored());

  t = (key: StringKey): string => STRINGS[key][this.current];

  /** Picks the zh or en field of a bilingual record. */
  name = (record: { nameZh: string; nameEn: string }): string => (this.current === 'zh' ? record.nameZh : record.nameEn);

  toggle() {
    this.current = this.current === 'zh' ? 'en' : 'zh';
    localStorage.setItem('citygrid.locale', this.current);
    document.documentElement.lang = this.current === 'zh' ? 'zh-CN' : 'en';
  }
}

function readStored(): Locale {
  return typeof localStorage !== 'undefined' && localStorage.getItem('citygrid.locale') === 'en' ? 'en' : 'zh';
}

export const locale = new LocaleState();
