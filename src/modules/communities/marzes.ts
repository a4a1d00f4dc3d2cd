// The ten marzes (regions) of Armenia and Yerevan, which has the status of a marz
// for territorial administration. Ids are stable English slugs.
export const MARZES = [
  { id: 'yerevan', name_hy: 'Երևան', name_en: 'Yerevan', name_ru: 'Ереван' },
  { id: 'aragatsotn', name_hy: 'Արագածոտն', name_en: 'Aragatsotn', name_ru: 'Арагацотн' },
  { id: 'ararat', name_hy: 'Արարատ', name_en: 'Ararat', name_ru: 'Арарат' },
  { id: 'armavir', name_hy: 'Արմավիր', name_en: 'Armavir', name_ru: 'Армавир' },
  { id: 'gegharkunik', name_hy: 'Գեղարքունիք', name_en: 'Gegharkunik', name_ru: 'Гехаркуник' },
  { id: 'kotayk', name_hy: 'Կոտայք', name_en: 'Kotayk', name_ru: 'Котайк' },
  { id: 'lori', name_hy: 'Լոռի', name_en: 'Lori', name_ru: 'Лори' },
  { id: 'shirak', name_hy: 'Շիրակ', name_en: 'Shirak', name_ru: 'Ширак' },
  { id: 'syunik', name_hy: 'Սյունիք', name_en: 'Syunik', name_ru: 'Сюник' },
  { id: 'tavush', name_hy: 'Տավուշ', name_en: 'Tavush', name_ru: 'Тавуш' },
  { id: 'vayots-dzor', name_hy: 'Վայոց ձոր', name_en: 'Vayots Dzor', name_ru: 'Вайоц Дзор' },
] as const;

export type MarzId = (typeof MARZES)[number]['id'];
