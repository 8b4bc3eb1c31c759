/**
 * Words of the practice that jieba's general dictionary cuts wrongly, with the frequency that makes it keep them
 * whole: "路灯不亮" came out as 路 / 灯不亮 (its dictionary knows 灯不亮 better than 路灯), so neither 路灯 nor
 * 不亮 was counted. A short list, grown from what segmenting real suggestions shows, never a second dictionary.
 */
export const civicWords: ReadonlyArray<readonly [string, number]> = [
  ['路灯', 5000],
  ['不亮', 2000],
  ['井盖', 2000],
  ['电动车', 3000],
  ['充电桩', 3000],
  ['停车位', 3000],
  ['垃圾分类', 3000],
  ['无障碍', 3000],
  ['占道经营', 2000],
  ['共享单车', 3000],
  ['护学岗', 2000],
  ['12345热线', 2000],
];
