import { describe, expect, it } from 'vitest';
import { englishName, pinyinWord } from '../../../scripts/geo/english-name';

describe('englishName', () => {
  it('writes the proper name in pinyin and translates the generic ending', () => {
    expect(englishName('控江路')).toBe('Kongjiang Road');
    expect(englishName('平望街')).toBe('Pingwang Street');
    expect(englishName('浦东大道')).toBe('Pudong Avenue');
    expect(englishName('沪太公路')).toBe('Hutai Highway');
    expect(englishName('江湾镇')).toBe('Jiangwan Town');
  });

  it('turns a direction suffix into an English prefix', () => {
    expect(englishName('大连西路')).toBe('West Dalian Road');
    expect(englishName('延吉中路')).toBe('Middle Yanji Road');
    expect(englishName('西藏南路')).toBe('South Xizang Road');
    expect(englishName('殷高东路')).toBe('East Yingao Road');
  });

  it('keeps a direction character that belongs to a two-character name', () => {
    expect(englishName('四平路')).toBe('Siping Road');
    expect(englishName('通北路')).toBe('Tongbei Road');
    expect(englishName('华东路')).toBe('Huadong Road');
    expect(englishName('广中路')).toBe('Guangzhong Road');
  });

  it('numbers the sections of a road', () => {
    expect(englishName('中山北二路')).toBe('North Zhongshan No.2 Road');
    expect(englishName('中山南一路')).toBe('South Zhongshan No.1 Road');
    expect(englishName('瑞金二路')).toBe('Ruijin No.2 Road');
  });

  it('names a sub-district after its street, generic after generic', () => {
    expect(englishName('定海路街道')).toBe('Dinghai Road Subdistrict');
    expect(englishName('南京东路街道')).toBe('East Nanjing Road Subdistrict');
    expect(englishName('彭浦新村街道')).toBe('Pengpu Xincun Subdistrict');
  });

  it('names rivers, canals and parks', () => {
    expect(englishName('黄浦江')).toBe('Huangpu River');
    expect(englishName('复兴岛运河')).toBe('Fuxingdao Canal');
    expect(englishName('江浦公园')).toBe('Jiangpu Park');
  });

  it('leaves a generic character that is part of a short name alone', () => {
    expect(englishName('镇江')).toBe('Zhenjiang');
    expect(englishName('北外滩')).toBe('Beiwaitan');
  });

  it('names each part of a joint name', () => {
    expect(englishName('一大会址·新天地')).toBe('Yidahuizhi · Xintiandi');
  });

  it('returns a name without Chinese characters unchanged', () => {
    expect(englishName('Huangpu River')).toBe('Huangpu River');
  });
});

describe('pinyinWord', () => {
  it('reads polyphonic characters as in the place name', () => {
    expect(pinyinWord('长阳')).toBe('Changyang');
    expect(pinyinWord('曲阳')).toBe('Quyang');
  });

  it('separates a syllable that starts with a vowel by an apostrophe', () => {
    expect(pinyinWord('静安')).toBe("Jing'an");
    expect(pinyinWord('延安')).toBe("Yan'an");
  });
});

it('reads place-name polyphones as the place is called', () => {
  expect(englishName('黄陂南路')).toBe('South Huangpi Road');
});
