/**
 * Synthetic basemap streets of the four sub-districts: their bounding roads, market
 * streets and a few local streets, traced approximately (Gonghexin and Changzhong
 * Roads along the OSM elevated roads above them).
 */
import * as turf from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import { roundPoint } from './geometry.ts';

type StreetClass = 'major' | 'minor';

interface StreetLine {
  zh: string;
  en: string;
  cls: StreetClass;
  line: Position[];
}

const major = (zh: string, en: string, line: Position[]): StreetLine => ({ zh, en, cls: 'major', line });
const minor = (zh: string, en: string, line: Position[]): StreetLine => ({ zh, en, cls: 'minor', line });

export const STREET_LINES: Record<string, StreetLine[]> = {
  kongjiang_road: [
    major('控江路', 'Kongjiang Road', [[121.5128, 31.2768], [121.5142, 31.2772], [121.5241, 31.2812], [121.5302, 31.2838]]),
    major('周家嘴路', 'Zhoujiazui Road', [[121.5189, 31.2742], [121.5229, 31.2763], [121.528, 31.278], [121.5308, 31.2786]]),
    major('江浦路', 'Jiangpu Road', [
      [121.5189, 31.2742], [121.5153, 31.2773], [121.5133, 31.2785], [121.5118, 31.282], [121.5098, 31.2843], [121.5076, 31.286],
    ]),
    major('中山北二路', 'North Zhongshan No.2 Road', [[121.5072, 31.2869], [121.5153, 31.288], [121.5175, 31.2882]]),
    major('黄兴路', 'Huangxing Road', [[121.5308, 31.2786], [121.5277, 31.2836], [121.5249, 31.2883], [121.5233, 31.291]]),
    minor('鞍山路', 'Anshan Road', [[121.5095, 31.2848], [121.518, 31.2866], [121.5238, 31.2886]]),
    minor('凤城路', 'Fengcheng Road', [[121.515, 31.2774], [121.5138, 31.2868]]),
    minor('延吉中路', 'Middle Yanji Road', [[121.5197, 31.2749], [121.5177, 31.2872]]),
    minor('靖宇南路', 'South Jingyu Road', [[121.5232, 31.2765], [121.5212, 31.2894]]),
    minor('双阳路', 'Shuangyang Road', [[121.5272, 31.2779], [121.5255, 31.2862]]),
  ],
  wuliqiao: [
    major('瞿溪路', 'Quxi Road', [[121.468, 31.2022], [121.478, 31.2032], [121.4885, 31.2046]]),
    major('鲁班路', 'Luban Road', [[121.4803, 31.2095], [121.4809, 31.2042], [121.4815, 31.2008], [121.4838, 31.1962], [121.4852, 31.1935]]),
    major('中山南一路', 'South Zhongshan No.1 Road', [[121.4648, 31.1963], [121.4727, 31.1992], [121.4847, 31.2032], [121.4867, 31.2043]]),
    major('打浦路', 'Dapu Road', [[121.4688, 31.2058], [121.4698, 31.1995], [121.471, 31.1922]]),
    major('制造局路', 'Zhizaoju Road', [[121.4875, 31.2045], [121.4882, 31.1998], [121.4895, 31.1955]]),
    minor('丽园路', 'Liyuan Road', [[121.4702, 31.2066], [121.479, 31.2072], [121.4845, 31.2076]]),
    minor('局门路', 'Jumen Road', [[121.4845, 31.2035], [121.4852, 31.1995], [121.4862, 31.195]]),
    minor('蒙自路', 'Mengzi Road', [[121.4752, 31.2074], [121.4758, 31.1995], [121.4766, 31.1915]]),
    minor('日晖东路', 'East Rihui Road', [[121.4638, 31.203], [121.4648, 31.199], [121.466, 31.1932]]),
    minor('南塘浜路', 'Nantangbang Road', [[121.4722, 31.1948], [121.479, 31.1958], [121.4862, 31.1972]]),
  ],
  pingliang_road: [
    major('平凉路', 'Pingliang Road', [[121.5138, 31.2576], [121.5225, 31.2606], [121.5318, 31.264]]),
    major('杨树浦路', 'Yangshupu Road', [[121.513, 31.2527], [121.5225, 31.2548], [121.5325, 31.259]]),
    major('长阳路', 'Changyang Road', [[121.5145, 31.264], [121.524, 31.2672], [121.5335, 31.2702]]),
    major('大连路', 'Dalian Road', [[121.5131, 31.2505], [121.5145, 31.264]]),
    major('兰州路', 'Lanzhou Road', [[121.5322, 31.2565], [121.5335, 31.2702]]),
    major('宁国路', 'Ningguo Road', [[121.5262, 31.2552], [121.5268, 31.2615], [121.5275, 31.2678]]),
    minor('惠民路', 'Huimin Road', [[121.5142, 31.261], [121.523, 31.264], [121.5328, 31.2672]]),
    minor('许昌路', 'Xuchang Road', [[121.5175, 31.2528], [121.5185, 31.2652]]),
    minor('通北路', 'Tongbei Road', [[121.5215, 31.2538], [121.5222, 31.2665]]),
    minor('临青路', 'Linqing Road', [[121.53, 31.2565], [121.5305, 31.2691]]),
  ],
  pengpu_xincun: [
    major('共和新路', 'Gonghexin Road', [
      [121.4443, 31.3007], [121.444, 31.3072], [121.44405, 31.3102], [121.4437, 31.3175], [121.4432, 31.319],
      [121.4418, 31.3222],
    ]),
    major('场中路', 'Changzhong Road', [[121.444, 31.3069], [121.452, 31.3073], [121.459, 31.3079], [121.4651, 31.3083]]),
    major('临汾路', 'Linfen Road', [[121.444, 31.3118], [121.454, 31.3122], [121.4635, 31.3126]]),
    minor('闻喜路', 'Wenxi Road', [[121.4505, 31.306], [121.45, 31.312], [121.4495, 31.321]]),
    minor('岭南路', 'Lingnan Road', [[121.4575, 31.3076], [121.4572, 31.3228]]),
    minor('保德路', 'Baode Road', [[121.449, 31.3205], [121.4602, 31.3205], [121.4634, 31.3206]]),
    minor('阳曲路', 'Yangqu Road', [[121.447, 31.3066], [121.4466, 31.3195]]),
    minor('平顺路', 'Pingshun Road', [[121.4535, 31.3072], [121.4532, 31.3226]]),
    minor('汾西路', 'Fenxi Road', [[121.461, 31.308], [121.4612, 31.322]]),
    minor('曲沃路', 'Quwo Road', [[121.4442, 31.316], [121.454, 31.3163], [121.4634, 31.3167]]),
  ],
};

function streetFeature(street: StreetLine): Feature<LineString> {
  return turf.lineString(street.line.map(roundPoint), {
    name: street.zh,
    name_en: street.en,
    class: street.cls,
    synthetic: true,
  });
}

export function streetFeatures(): Feature<LineString>[] {
  return Object.values(STREET_LINES).flat().map(streetFeature);
}
