/**
 * Synthetic basemap streets of the four sub-districts: their bounding roads, market
 * streets and a few local streets, traced approximately. Bounding roads follow the
 * OSM outlines (Pingliang Road: Dalian Road W, Changyang Road NW; Pengpu Xincun:
 * Changzhong Road S, Gongkang Road N, Lingnan Road E), Gonghexin Road the OSM
 * North–South Elevated above it; inner streets are drawn parallel to them, and
 * streets towards the Huangpu end at its real bank.
 */
import * as turf from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import { englishName } from './english-name.ts';
import { roundPoint } from './geometry.ts';

type StreetClass = 'major' | 'minor';

export interface Street {
  zh: string;
  en: string;
}

interface StreetLine extends Street {
  cls: StreetClass;
  line: Position[];
}

const major = (zh: string, line: Position[]): StreetLine => ({ zh, en: englishName(zh), cls: 'major', line });
const minor = (zh: string, line: Position[]): StreetLine => ({ zh, en: englishName(zh), cls: 'minor', line });

export const STREET_LINES: Record<string, StreetLine[]> = {
  kongjiang_road: [
    major('控江路', [[121.5128, 31.2768], [121.5142, 31.2772], [121.5241, 31.2812], [121.5302, 31.2838]]),
    major('周家嘴路', [[121.5189, 31.2742], [121.5229, 31.2763], [121.528, 31.278], [121.5308, 31.2786]]),
    major('江浦路', [
      [121.5189, 31.2742], [121.5153, 31.2773], [121.5133, 31.2785], [121.5118, 31.282], [121.5098, 31.2843], [121.5076, 31.286],
    ]),
    major('中山北二路', [[121.5072, 31.2869], [121.5153, 31.288], [121.5175, 31.2882]]),
    major('黄兴路', [[121.5308, 31.2786], [121.5277, 31.2836], [121.5249, 31.2883], [121.5233, 31.291]]),
    minor('鞍山路', [[121.5095, 31.2848], [121.518, 31.2866], [121.5238, 31.2886]]),
    minor('凤城路', [[121.515, 31.2774], [121.5138, 31.2868]]),
    minor('延吉中路', [[121.5197, 31.2749], [121.5177, 31.2872]]),
    minor('靖宇南路', [[121.5232, 31.2765], [121.5212, 31.2894]]),
    minor('双阳路', [[121.5272, 31.2779], [121.5255, 31.2862]]),
  ],
  wuliqiao: [
    major('瞿溪路', [[121.468, 31.2022], [121.478, 31.2032], [121.4885, 31.2046]]),
    major('鲁班路', [[121.4803, 31.2095], [121.4809, 31.2042], [121.4815, 31.2008], [121.4838, 31.1962], [121.4843, 31.1953]]),
    major('中山南一路', [[121.4648, 31.1963], [121.4727, 31.1992], [121.4847, 31.2032], [121.4867, 31.2043]]),
    major('打浦路', [[121.4688, 31.2058], [121.4698, 31.1995], [121.4709, 31.1927]]),
    major('制造局路', [[121.4875, 31.2045], [121.4882, 31.1998], [121.4892, 31.1965]]),
    minor('丽园路', [[121.4702, 31.2066], [121.479, 31.2072], [121.4845, 31.2076]]),
    minor('局门路', [[121.4845, 31.2035], [121.4852, 31.1995], [121.4861, 31.1954]]),
    minor('蒙自路', [[121.4752, 31.2074], [121.4758, 31.1995], [121.4764, 31.1936]]),
    minor('日晖东路', [[121.4638, 31.203], [121.4648, 31.199], [121.466, 31.1932]]),
    minor('南塘浜路', [[121.4722, 31.1948], [121.479, 31.1958], [121.4862, 31.1972]]),
  ],
  pingliang_road: [
    major('平凉路', [[121.5124, 31.2549], [121.5225, 31.2611], [121.5266, 31.2635]]),
    major('杨树浦路', [[121.5121, 31.2528], [121.519, 31.2532], [121.525, 31.2545], [121.529, 31.2562], [121.5316, 31.257]]),
    major('长阳路', [
      [121.5088, 31.26], [121.5099, 31.261], [121.512, 31.2628], [121.5134, 31.2636], [121.5155, 31.2649], [121.5177, 31.2658],
      [121.5203, 31.267], [121.5231, 31.2683],
    ]),
    major('大连路', [[121.5088, 31.26], [121.5103, 31.2582], [121.5125, 31.255], [121.5133, 31.2539]]),
    minor('惠民路', [[121.5106, 31.2575], [121.5207, 31.2637], [121.5244, 31.2659]]),
    minor('许昌路', [[121.5192, 31.2537], [121.5165, 31.2574], [121.5129, 31.2622]]),
    minor('通北路', [[121.5245, 31.2536], [121.52, 31.2596], [121.5164, 31.2644]]),
    minor('丹阳路', [[121.5276, 31.2548], [121.526, 31.2569], [121.5228, 31.2613]]),
  ],
  pengpu_xincun: [
    major('共和新路', [
      [121.4442, 31.3043], [121.444, 31.3072], [121.44405, 31.3102], [121.4437, 31.3175], [121.4432, 31.319], [121.4418, 31.3222],
    ]),
    major('场中路', [[121.4313, 31.306], [121.4349, 31.3068], [121.443, 31.3076], [121.4508, 31.3076]]),
    major('临汾路', [[121.4308, 31.3117], [121.444, 31.3119], [121.4507, 31.3121]]),
    major('共康路', [[121.4322, 31.3215], [121.44, 31.3218], [121.4419, 31.3221]]),
    minor('闻喜路', [[121.4468, 31.3048], [121.4466, 31.3125], [121.4464, 31.3192]]),
    minor('平顺路', [[121.4488, 31.3054], [121.4487, 31.3125], [121.4487, 31.3199]]),
    minor('岭南路', [[121.4508, 31.3074], [121.4507, 31.3153], [121.4513, 31.3186], [121.4512, 31.3219]]),
    minor('曲沃路', [[121.4437, 31.316], [121.4509, 31.3161]]),
    minor('三泉路', [[121.4368, 31.307], [121.4366, 31.3142], [121.4364, 31.3217]]),
  ],
};

export function streetsOf(subdistrictCode: string): Street[] {
  return STREET_LINES[subdistrictCode].map(({ zh, en }) => ({ zh, en }));
}

export function streetLine(subdistrictCode: string, zh: string): Position[] {
  const street = STREET_LINES[subdistrictCode].find((s) => s.zh === zh);
  if (!street) throw new Error(`${subdistrictCode}: no street ${zh} in STREET_LINES`);
  return street.line;
}

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
