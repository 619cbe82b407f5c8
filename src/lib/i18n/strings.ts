/** Every user-facing string, in Chinese and English. */
export const STRINGS = {
  appTitle: { zh: 'Citygrid 城市网格', en: 'Citygrid' },
  appSubtitle: { zh: '市容与停车运行管理', en: 'Urban appearance & parking operations' },
  startingDatabase: { zh: '正在启动本地数据库…', en: 'Starting the embedded database…' },
  connecting: { zh: '正在连接 Supabase…', en: 'Connecting to Supabase…' },
  loadingLayers: { zh: '正在加载图层…', en: 'Loading layers…' },
  startFailed: { zh: '启动失败', en: 'Could not start' },
  retry: { zh: '重试', en: 'Retry' },
  language: { zh: 'English', en: '中文' },
  layerSubdistricts: { zh: '街道', en: 'Sub-districts' },
  layerGrids: { zh: '网格', en: 'Grids' },
  layerMicroGrids: { zh: '微网格', en: 'Micro-grids' },
  layerMetaGrids: { zh: '元网格', en: 'Meta-grids' },
  layerCases: { zh: '市容案件', en: 'Cases' },
  layerFireStations: { zh: '消防站', en: 'Fire stations' },
  layerParking: { zh: '停车场', en: 'Parking' },
  layerVolunteers: { zh: '滨江志愿岗', en: 'Volunteer posts' },
  backendEmbedded: { zh: '本地数据库 (PGlite + PostGIS)', en: 'Embedded database (PGlite + PostGIS)' },
  backendSupabase: { zh: 'Supabase', en: 'Supabase' },
  readyIn: { zh: '启动用时', en: 'Ready in' },
  seconds: { zh: '秒', en: 's' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof STRINGS;
