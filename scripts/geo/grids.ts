/**
 * Grid hierarchy by recursive subdivision: each parent is split into n cells by a
 * Voronoi diagram of seeded points, relaxed by Lloyd iterations and clipped to the
 * parent, so the children partition the parent.
 */
import * as turf from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { type Area, dropSlivers, inside, intersect, polygonsOf, randomPointIn, roundArea } from './geometry.ts';
import { chineseName, phoneNumber } from './people.ts';
import type { SubdistrictInfo } from './places.ts';

const LLOYD_ITERATIONS = 3;
const MIN_PIECE_M2 = 25;

function voronoiCells(seeds: Position[], parent: Area): Area[] {
  const [x0, y0, x1, y1] = turf.bbox(parent);
  const pad = 0.01;
  const points = turf.featureCollection(seeds.map((s) => turf.point(s)));
  const cells = turf.voronoi(points, { bbox: [x0 - pad, y0 - pad, x1 + pad, y1 + pad] });
  return cells.features.map((cell, i) => {
    const clipped = cell && intersect(cell as Area, parent);
    if (!clipped) throw new Error(`voronoi cell ${i} is empty`);
    return clipped;
  });
}

/** Centroid of a cell, or a point on its surface when the centroid falls outside. */
function cellCentre(cell: Area): Position {
  const centroid = turf.centroid(cell).geometry.coordinates;
  return inside(centroid, cell) ? centroid : (turf.pointOnFeature(cell) as Feature<Point>).geometry.coordinates;
}

/** Splits `parent` into n cells, largest piece first kept; tiny fragments dropped. */
export function partition(parent: Area, n: number, rng: SeededRandom): Area[] {
  if (n === 1) return [parent];
  let seeds = Array.from({ length: n }, () => randomPointIn(parent, rng));
  for (let i = 0; i < LLOYD_ITERATIONS; i++) seeds = voronoiCells(seeds, parent).map(cellCentre);
  return voronoiCells(seeds, parent).map((cell) => {
    const cleaned = dropSlivers(roundArea(cell), MIN_PIECE_M2);
    if (!cleaned) throw new Error('a grid cell vanished when rounded');
    return cleaned;
  });
}

/** Splits `total` into integer shares proportional to weights, each at least `min` (largest remainder). */
export function apportion(total: number, weights: number[], min: number): number[] {
  const free = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0]);
  const remainder = free - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) shares[order[k][1]]++;
  return shares.map((s) => s + min);
}

interface GridNode {
  code: string;
  level: 'grid' | 'micro_grid' | 'meta_grid';
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  area: Area;
}

function gridFeature(node: GridNode, info: SubdistrictInfo, rng: SeededRandom): Area {
  return turf.multiPolygon(polygonsOf(node.area), {
    code: node.code,
    level: node.level,
    parent_code: node.parentCode,
    subdistrict_code: info.code,
    name_zh: node.nameZh,
    name_en: node.nameEn,
    responsible_name: chineseName(rng),
    responsible_phone: phoneNumber(rng),
    synthetic: true,
  });
}

function children(parent: GridNode, count: number, rng: SeededRandom): GridNode[] {
  const level = parent.level === 'grid' ? 'micro_grid' : 'meta_grid';
  return partition(parent.area, count, rng).map((area, i) => {
    const n = i + 1;
    const isMicro = level === 'micro_grid';
    return {
      code: `${parent.code}-${isMicro ? `M${n}` : String(n).padStart(2, '0')}`,
      level,
      parentCode: parent.code,
      nameZh: `${parent.nameZh}第${n}${isMicro ? '微网格' : '单元'}`,
      nameEn: `${parent.nameEn} ${isMicro ? 'Micro-grid' : 'Meta-grid'} ${n}`,
      area,
    };
  });
}

function subdivide(parents: GridNode[], total: number, minEach: number, rng: SeededRandom): GridNode[] {
  const counts = apportion(total, parents.map((p) => turf.area(p.area)), minEach);
  return parents.flatMap((parent, i) => children(parent, counts[i], rng.fork(parent.code)));
}

/** All three levels of grids for one sub-district, top level first. */
export function buildGrids(info: SubdistrictInfo, subdistrict: Area, rng: SeededRandom): Area[] {
  const top: GridNode[] = partition(subdistrict, info.gridCounts.grid, rng.fork('grid')).map((area, i) => ({
    code: `${info.prefix}-G${String(i + 1).padStart(2, '0')}`,
    level: 'grid',
    parentCode: null,
    nameZh: `${info.shortZh}第${i + 1}网格`,
    nameEn: `${info.nameEn.replace(' Sub-district', '')} Grid ${i + 1}`,
    area,
  }));
  const micro = subdivide(top, info.gridCounts.micro, 2, rng.fork('micro'));
  const meta = subdivide(micro, info.gridCounts.meta, 3, rng.fork('meta'));
  const people = rng.fork('people');
  return [...top, ...micro, ...meta].map((node) => gridFeature(node, info, people));
}
