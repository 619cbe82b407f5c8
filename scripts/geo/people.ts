/** Plausible, synthetic Chinese names and Shanghai phone numbers. */
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰萍燕春晓梅林辉鹏斌宇浩凯莉婷雪琳晨峰文海波宁蓉佳慧';

export function chineseName(rng: SeededRandom): string {
  const surname = rng.pick([...SURNAMES]);
  const given = Array.from({ length: rng.chance(0.7) ? 2 : 1 }, () => rng.pick([...GIVEN])).join('');
  return surname + given;
}

const digits = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** A Shanghai landline (021-6xxxxxxx) or a mobile number (13xxxxxxxxx). */
export function phoneNumber(rng: SeededRandom): string {
  return rng.chance(0.4) ? `021-6${digits(rng, 7)}` : `13${digits(rng, 9)}`;
}

/** A masked mobile number as residents' contacts are shown, e.g. 138****1234. */
export function maskedMobile(rng: SeededRandom): string {
  return `1${rng.pick(['3', '5', '8', '9'])}${rng.int(0, 9)}****${digits(rng, 4)}`;
}
