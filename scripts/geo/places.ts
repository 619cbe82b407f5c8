/** Descriptive data about the four sub-districts of the service area. */

export interface SubdistrictInfo {
  code: string;
  /** Prefix of grid codes. */
  prefix: string;
  nameZh: string;
  nameEn: string;
  /** Short name used in generated names, e.g. 平凉路. */
  shortZh: string;
  districtZh: string;
  districtEn: string;
  /** The OpenStreetMap admin relation of the outline. */
  osmRelation: number;
  gridCounts: { grid: number; micro: number; meta: number };
  caseCount: number;
  /** Busy market streets (their lines in streets.ts): cases concentrate along these. */
  marketStreets: string[];
}

export const SUBDISTRICTS: SubdistrictInfo[] = [
  {
    code: 'kongjiang_road',
    prefix: 'KJR',
    nameZh: '控江路街道',
    nameEn: 'Kongjiang Road Sub-district',
    shortZh: '控江路',
    districtZh: '杨浦区',
    districtEn: 'Yangpu District',
    osmRelation: 13466004,
    gridCounts: { grid: 12, micro: 50, meta: 300 },
    caseCount: 650,
    marketStreets: ['控江路'],
  },
  {
    code: 'wuliqiao',
    prefix: 'WLQ',
    nameZh: '五里桥街道',
    nameEn: 'Wuliqiao Sub-district',
    shortZh: '五里桥',
    districtZh: '黄浦区',
    districtEn: 'Huangpu District',
    osmRelation: 12235959,
    gridCounts: { grid: 14, micro: 60, meta: 360 },
    caseCount: 700,
    marketStreets: ['瞿溪路', '鲁班路', '丽园路'],
  },
  {
    code: 'pingliang_road',
    prefix: 'PLR',
    nameZh: '平凉路街道',
    nameEn: 'Pingliang Road Sub-district',
    shortZh: '平凉路',
    districtZh: '杨浦区',
    districtEn: 'Yangpu District',
    osmRelation: 13464332,
    gridCounts: { grid: 18, micro: 88, meta: 659 },
    caseCount: 850,
    marketStreets: ['平凉路', '许昌路'],
  },
  {
    code: 'pengpu_xincun',
    prefix: 'PPX',
    nameZh: '彭浦新村街道',
    nameEn: 'Pengpu Xincun Sub-district',
    shortZh: '彭浦新村',
    districtZh: '静安区',
    districtEn: "Jing'an District",
    osmRelation: 14186008,
    gridCounts: { grid: 16, micro: 70, meta: 420 },
    caseCount: 800,
    marketStreets: ['临汾路', '闻喜路'],
  },
];
