// BGN/PCGN (1981) romanization of Armenian, as used for display of names in Latin
// script. Apostrophes marking aspiration are left out, as in Armenian passports.
const LETTERS: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l',
  խ: 'kh', ծ: 'ts', կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o',
  չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'w', փ: 'p', ք: 'k',
  օ: 'o', ֆ: 'f', և: 'ev',
};
const VOWELS = new Set(['ա', 'ե', 'է', 'ը', 'ի', 'ո', 'օ', 'ու']);

function romanizeWord(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const prev = i > 0 ? lower[i - 1]! : '';
    const atStart = i === 0;
    if (c === 'ո' && lower[i + 1] === 'ւ') {
      out += 'u';
      i++;
    } else if (c === 'ե' && (atStart || VOWELS.has(prev))) out += 'ye';
    else if (c === 'ո' && atStart && lower !== 'ով' && !lower.startsWith('ովքեր')) out += 'vo';
    else if (c === 'և') out += atStart ? 'yev' : 'ev';
    else out += LETTERS[c] ?? c;
  }
  // Keep the capital of the original word.
  return word[0] && word[0] !== lower[0] ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** "Հովհաննիսյան" → "Hovhannisyan", "Երևան" → "Yerevan". Non-Armenian text passes through. */
export function romanizeArmenian(text: string): string {
  return text.replace(/[\u0531-\u0587]+/g, (w) => romanizeWord(w));
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Russian Cyrillic to plain Latin (for folding only, not for display). */
export function latinizeCyrillic(text: string): string {
  return text.toLowerCase().replace(/[а-яё]/g, (c) => CYRILLIC[c] ?? c);
}
