/** Descriptive data about the four sub-districts of the service area. */
import type { Position } from 'geojson';

export interface Street {
  zh: string;
  en: string;
}

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
  /** Label in geo/osm/shanghai_central_subdistricts_osm.geojson; null if drawn here. */
  osmName: string | null;
  gridCounts: { grid: number; micro: number; meta: number };
  caseCount: number;
  streets: Street[];
  /** Busy market streets: cases concentrate along these (approximate lines). */
  marketStreets: { street: Street; line: Position[] }[];
}

const street = (zh: string, en: string): Street => ({ zh, en });

export const SUBDISTRICTS: SubdistrictInfo[] = [
  {
    code: 'kongjiang_road',
    prefix: 'KJR',
    nameZh: '控江路街道',
    nameEn: 'Kongjiang Road Sub-district',
    shortZh: '控江路',
    districtZh: '杨浦区',
    districtEn: 'Yangpu District',
    osmName: '控江路街道',
    gridCounts: { grid: 12, micro: 50, meta: 300 },
    caseCount: 650,
    streets: [
      street('控江路', 'Kongjiang Road'), street('江浦路', 'Jiangpu Road'), street('黄兴路', 'Huangxing Road'),
      street('双阳路', 'Shuangyang Road'), street('凤城路', 'Fengcheng Road'), street('鞍山路', 'Anshan Road'),
      street('延吉中路', 'Middle Yanji Road'), street('靖宇南路', 'South Jingyu Road'),
    ],
    marketStreets: [
      {
        street: street('控江路', 'Kongjiang Road'),
        line: [[121.5085, 31.2752], [121.5142, 31.2772], [121.5241, 31.2812], [121.5302, 31.2838]],
      },
    ],
  },
  {
    code: 'wuliqiao',
    prefix: 'WLQ',
    nameZh: '五里桥街道',
    nameEn: 'Wuliqiao Sub-district',
    shortZh: '五里桥',
    districtZh: '黄浦区',
    districtEn: 'Huangpu District',
    osmName: '五里桥街道',
    gridCounts: { grid: 14, micro: 60, meta: 360 },
    caseCount: 700,
    streets: [
      street('瞿溪路', 'Quxi Road'), street('鲁班路', 'Luban Road'), street('局门路', 'Jumen Road'),
      street('制造局路', 'Zhizaoju Road'), street('中山南一路', 'South Zhongshan No.1 Road'),
      street('蒙自路', 'Mengzi Road'), street('丽园路', 'Liyuan Road'), street('打浦路', 'Dapu Road'),
    ],
    marketStreets: [
      { street: street('瞿溪路', 'Quxi Road'), line: [[121.468, 31.2022], [121.478, 31.2032], [121.4885, 31.2046]] },
      { street: street('鲁班路', 'Luban Road'), line: [[121.4785, 31.2082], [121.4808, 31.2025], [121.4838, 31.1962]] },
      { street: street('丽园路', 'Liyuan Road'), line: [[121.4702, 31.2066], [121.479, 31.2072], [121.4878, 31.2079]] },
    ],
  },
  {
    code: 'pingliang_road',
    prefix: 'PLR',
    nameZh: '平凉路街道',
    nameEn: 'Pingliang Road Sub-district',
    shortZh: '平凉路',
    districtZh: '杨浦区',
    districtEn: 'Yangpu District',
    osmName: null,
    gridCounts: { grid: 18, micro: 88, meta: 659 },
    caseCount: 850,
    streets: [
      street('平凉路', 'Pingliang Road'), street('杨树浦路', 'Yangshupu Road'), street('长阳路', 'Changyang Road'),
      street('大连路', 'Dalian Road'), street('兰州路', 'Lanzhou Road'), street('宁国路', 'Ningguo Road'),
      street('许昌路', 'Xuchang Road'), street('临青路', 'Linqing Road'), street('通北路', 'Tongbei Road'),
    ],
    marketStreets: [
      {
        street: street('平凉路', 'Pingliang Road'),
        line: [[121.5138, 31.2576], [121.5225, 31.2606], [121.5318, 31.264]],
      },
      { street: street('宁国路', 'Ningguo Road'), line: [[121.5262, 31.2552], [121.5268, 31.2615], [121.5275, 31.2678]] },
    ],
  },
  {
    code: 'pengpu_xincun',
    prefix: 'PPX',
    nameZh: '彭浦新村街道',
    nameEn: 'Pengpu Xincun Sub-district',
    shortZh: '彭浦新村',
    districtZh: '静安区',
    districtEn: "Jing'an District",
    osmName: null,
    gridCounts: { grid: 16, micro: 70, meta: 420 },
    caseCount: 800,
    streets: [
      street('临汾路', 'Linfen Road'), street('共和新路', 'Gonghexin Road'), street('场中路', 'Changzhong Road'),
      street('岭南路', 'Lingnan Road'), street('闻喜路', 'Wenxi Road'), street('保德路', 'Baode Road'),
      street('阳曲路', 'Yangqu Road'), street('平顺路', 'Pingshun Road'), street('汾西路', 'Fenxi Road'),
      street('曲沃路', 'Quwo Road'),
    ],
    marketStreets: [
      { street: street('临汾路', 'Linfen Road'), line: [[121.4446, 31.3118], [121.454, 31.3122], [121.463, 31.3126]] },
      { street: street('闻喜路', 'Wenxi Road'), line: [[121.4503, 31.3066], [121.45, 31.312], [121.4496, 31.32]] },
    ],
  },
];

/** Synthetic outlines, from the official bounding roads, before neighbours and water are cut out. */
export const SYNTHETIC_OUTLINES: Record<string, Position[]> = {
  // West Dalian Road, north Changyang Road, east Lanzhou Road; the south edge runs
  // through the river so that cutting the river out leaves the bank.
  pingliang_road: [
    [121.5128, 31.2482], [121.5145, 31.264], [121.524, 31.2672], [121.5335, 31.2702], [121.5322, 31.2551],
    [121.529, 31.2533], [121.5225, 31.2508], [121.515, 31.249], [121.5128, 31.2482],
  ],
  // West Gonghexin Road (the North–South Elevated above it); the rest reaches into the
  // neighbours (Daning S, Jiangwan E, Gaojing N) so that cutting them out leaves their edges.
  // The south-west and north-west corners bend into Daning and Gaojing to avoid slivers along Gonghexin Road.
  pengpu_xincun: [
    [121.4441, 31.3043], [121.444, 31.3072], [121.44405, 31.3102], [121.4437, 31.3175], [121.44365, 31.3187],
    [121.4445, 31.32], [121.4445, 31.332], [121.475, 31.332], [121.475, 31.299], [121.445, 31.3], [121.4447, 31.304],
    [121.4441, 31.3043],
  ],
};
