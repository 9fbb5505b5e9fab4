import type { Lang } from '../../i18n/messages';

/** The fixed list a subscriber picks from (guide 1-7 (15)). Ids are stable: answers are stored by them. */
export const SECRET_QUESTIONS: readonly { id: string; ja: string; en: string }[] = [
  { id: '1', ja: '母親の旧姓は？', en: "What is your mother's maiden name?" },
  { id: '2', ja: '初めて飼ったペットの名前は？', en: 'What was the name of your first pet?' },
  { id: '3', ja: '卒業した小学校の名前は？', en: 'What is the name of your elementary school?' },
  { id: '4', ja: '子供のころのあだ名は？', en: 'What was your childhood nickname?' },
  { id: '5', ja: '生まれた町の名前は？', en: 'In which town were you born?' },
  { id: '6', ja: '好きな映画のタイトルは？', en: 'What is your favourite film?' },
];

export function secretQuestionText(id: string, lang: Lang): string | null {
  return SECRET_QUESTIONS.find((q) => q.id === id)?.[lang] ?? null;
}

/** NFKC, trim, collapse inner spaces, case-fold: "ＴＡＲＯ  yamada " and "taro yamada" are one answer. */
export function normalizeSecretAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
