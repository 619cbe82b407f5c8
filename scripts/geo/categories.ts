/** Case categories in the style of the digital urban-management catalogue (部件 C-, 事件 E-). */

export interface CaseCategory {
  code: string;
  kind: 'component' | 'event';
  name_zh: string;
  name_en: string;
  sla_hours: number;
}

export interface CategoryProfile {
  category: CaseCategory;
  /** Relative frequency among reported cases. */
  weight: number;
  /** Description after "<street><spot>", e.g. 流动摊贩占道. */
  problems: string[];
}

const category = (code: string, kind: CaseCategory['kind'], zh: string, en: string, sla: number): CaseCategory => ({
  code,
  kind,
  name_zh: zh,
  name_en: en,
  sla_hours: sla,
});

export const CATEGORY_PROFILES: CategoryProfile[] = [
  { category: category('E-0501', 'event', '无照经营游商', 'Unlicensed street vending', 2), weight: 22, problems: ['流动摊贩占道', '无照游商兜售水果', '三轮车流动售卖'] },
  { category: category('E-0502', 'event', '占道经营', 'Occupying the road to trade', 4), weight: 10, problems: ['店铺跨门经营占用人行道', '商户货物堆放占道'] },
  { category: category('E-0104', 'event', '暴露垃圾', 'Exposed garbage', 4), weight: 15, problems: ['垃圾暴露未清运', '生活垃圾散落', '垃圾桶满溢'] },
  { category: category('E-0507', 'event', '非机动车乱停放', 'Disorderly parked bicycles', 2), weight: 18, problems: ['共享单车乱停放堵塞盲道', '非机动车无序停放'] },
  { category: category('E-0506', 'event', '机动车乱停放', 'Illegally parked motor vehicle', 2), weight: 7, problems: ['机动车违停占道', '车辆停放占用消防通道'] },
  { category: category('E-0102', 'event', '积存垃圾渣土', 'Accumulated waste and construction debris', 8), weight: 5, problems: ['建筑垃圾堆放', '装修垃圾未及时清运'] },
  { category: category('E-0101', 'event', '道路不洁', 'Dirty road surface', 8), weight: 5, problems: ['路面油污不洁', '人行道有污渍'] },
  { category: category('E-0203', 'event', '非法小广告', 'Illegal posters and flyers', 24), weight: 5, problems: ['乱张贴小广告', '电线杆上小广告'] },
  { category: category('E-0410', 'event', '电动自行车违规充电', 'Unsafe e-bike charging (fire risk)', 1), weight: 3, problems: ['电动自行车飞线充电', '楼道内电动车充电'] },
  { category: category('E-0301', 'event', '违法建设', 'Illegal structure', 72), weight: 1, problems: ['疑似违法搭建', '屋顶违章加层'] },
  { category: category('C-0101', 'component', '井盖', 'Manhole cover', 4), weight: 2, problems: ['井盖缺失', '井盖破损松动'] },
  { category: category('C-0106', 'component', '公共设施损坏', 'Damaged public facility', 48), weight: 4, problems: ['公共座椅损坏', '护栏损坏', '宣传栏破损'] },
  { category: category('C-0301', 'component', '路灯', 'Street light', 24), weight: 3, problems: ['路灯不亮', '路灯灯杆倾斜'] },
];

export const CATEGORIES: CaseCategory[] = CATEGORY_PROFILES.map((p) => p.category);
