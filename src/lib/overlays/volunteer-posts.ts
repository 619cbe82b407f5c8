import type { DutyKind, VolunteerPost } from '../data/types';
import { badgeLayers } from './badge-layers';
import { VOLUNTEER_COLOURS } from '../theme/theme';
import type { Overlay } from './overlay';
import { rowSource, type RowStore } from './row-store';

const DUTY_LABEL: Record<DutyKind, { zh: string; en: string }> = {
  station_duty: { zh: '站岗值守', en: 'Station duty' },
  civility_persuasion: { zh: '文明劝导', en: 'Civility persuasion' },
  order_keeping: { zh: '秩序维护', en: 'Order keeping' },
  interpreting: { zh: '外语翻译', en: 'Interpreting' },
};

export const volunteerPostsOverlay: Overlay<RowStore<VolunteerPost>> = {
  id: 'volunteer_posts',
  label: 'layerVolunteers',
  table: 'volunteer_posts',

  ...rowSource((data, ids) => data.volunteerPosts(undefined, ids)),

  layers(store, ctx) {
    return badgeLayers<VolunteerPost>({
      id: 'volunteer_posts',
      data: store.rows,
      getPosition: (p) => [p.lon, p.lat],
      zoom: ctx.zoom,
      getColor: (p) => (p.onDuty > 0 ? VOLUNTEER_COLOURS.onDuty : VOLUNTEER_COLOURS.unstaffed),
      radiusPx: 10,
      getGlyph: () => (ctx.locale === 'zh' ? '志' : 'V'),
      getCaption: ctx.zoom >= 15 ? (p) => `${p.onDuty}/${p.planned}` : null,
      updateTriggers: { color: store, glyph: ctx.locale, caption: store },
    });
  },

  legend(ctx) {
    return [
      { label: ctx.t('onDuty'), colour: VOLUNTEER_COLOURS.onDuty, shape: 'circle' },
      { label: ctx.t('unstaffed'), colour: VOLUNTEER_COLOURS.unstaffed, shape: 'circle' },
    ];
  },

  tooltip(info, _store, ctx) {
    const p = info.object as VolunteerPost | undefined;
    if (!p) return null;
    return `${ctx.locale === 'zh' ? p.nameZh : p.nameEn}\n${ctx.t('onDuty')} ${p.onDuty}/${p.planned}`;
  },

  async popup(info, _store, ctx) {
    const p = info.object as VolunteerPost | undefined;
    if (!p) return null;
    return {
      title: ctx.locale === 'zh' ? p.nameZh : p.nameEn,
      subtitle: ctx.locale === 'zh' ? p.teamZh : p.teamEn,
      fields: [
        { label: ctx.t('onDuty'), value: `${p.onDuty} / ${p.planned}` },
        { label: ctx.t('dutyKinds'), value: p.dutyKinds.map((k) => DUTY_LABEL[k][ctx.locale]).join(ctx.locale === 'zh' ? '、' : ', ') },
        { label: ctx.t('shift'), value: `${p.shiftStart}–${p.shiftEnd}` },
      ],
    };
  },
};
