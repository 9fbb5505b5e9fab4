import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { type Dictionary, ja } from './ja';

import { LANGS, type Lang } from './lang';

export { LANGS, type Lang };

const STORAGE_KEY = 'webBilling.lang';

/** A choice made with the language switch, which always wins over the browser's languages. */
function readStoredLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'ja' || v === 'en') return v;
  } catch {
    /* storage disabled: no stored choice */
  }
  return null;
}

/** The first of the browser's languages that we have (ja*, en*) decides; none of them: Japanese. */
export function langOfBrowser(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const match = /^(ja|en)(-|$)/i.exec(tag);
    if (match) return match[1].toLowerCase() as Lang;
  }
  return 'ja';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

// The current language, readable outside components (the GraphQL client sends it as Accept-Language).
let currentLang: Lang = readStoredLang() ?? langOfBrowser(browserLanguages());
export const getLang = (): Lang => currentLang;

// Japanese is in the initial bundle; English is its own chunk (precached by the service worker like
// every chunk), fetched only when English is chosen or detected.
const dictionaries: Partial<Record<Lang, Dictionary>> = { ja };
let pendingEn: Promise<Dictionary> | null = null;
function loadDictionary(lang: Lang): Promise<Dictionary> {
  const loaded = dictionaries[lang];
  if (loaded) return Promise.resolve(loaded);
  pendingEn ??= import(/* webpackChunkName: "i18n-en", webpackFetchPriority: "high" */ './en').then(
    (m) => {
      dictionaries.en = m.en;
      return m.en;
    },
    (err: unknown) => {
      pendingEn = null; // allow a retry
      throw err;
    },
  );
  return pendingEn;
}
// Started at once, so the chunk loads while the rest of the app is evaluated.
if (currentLang !== 'ja') loadDictionary(currentLang).catch(() => {});

/**
 * Awaited before the first render: an English visitor sees English from the first paint (the page is
 * empty until then, so there is no Japanese flash and nothing moves). Without the chunk (offline
 * before the service worker had it), the app starts in Japanese.
 */
export async function prepareI18n(): Promise<void> {
  try {
    await loadDictionary(currentLang);
  } catch {
    currentLang = 'ja';
  }
  document.documentElement.lang = currentLang;
}

const JAPANESE_SCRIPT = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/**
 * `lang` for a carrier or service name: the server gives it in the UI language when it has one, else
 * the Japanese name stands in and must be read with a Japanese voice.
 */
export const langOfName = (name: string, ui: Lang): 'ja' | undefined =>
  ui !== 'ja' && JAPANESE_SCRIPT.test(name) ? 'ja' : undefined;

type StringKey = { [K in keyof Dictionary]: Dictionary[K] extends string ? K : never }[keyof Dictionary];
type ListKey = {
  [K in keyof Dictionary]: Dictionary[K] extends readonly string[] ? K : never;
}[keyof Dictionary];

export interface I18n {
  lang: Lang;
  /**
   * Loads the language's dictionary if needed, then switches and remembers the choice; true when the
   * language changed (the caller refetches what the server localised).
   */
  setLang: (lang: Lang) => Promise<boolean>;
  t: (key: StringKey) => string;
  list: (key: ListKey) => readonly string[];
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(currentLang);

  useEffect(() => {
    currentLang = lang;
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(async (next: Lang) => {
    await loadDictionary(next); // the old language stays on screen until the new one is here
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not remembered, still switched */
    }
    if (next === currentLang) return false;
    currentLang = next;
    document.documentElement.lang = next;
    setLangState(next);
    return true;
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang] ?? ja;
    return {
      lang,
      setLang,
      t: (key) => dict[key] as string,
      list: (key) => dict[key] as readonly string[],
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** A namespace's wording: the same keys in both languages. */
type Wording = Record<string, string | readonly string[]>;
type Widen<W extends Wording> = { [K in keyof W]: W[K] extends string ? string : readonly string[] };
export type Text<W extends Wording> = Readonly<Record<Lang, W>>;

/**
 * Declares a namespace of wording beside the screens that use it (so it lives in their lazy chunk,
 * not in the initial bundle); the English object must have exactly the Japanese keys.
 */
export function defineText<W extends Wording>(text: { ja: W; en: Widen<W> }): Text<Widen<W>> {
  return text as Text<Widen<W>>;
}

/**
 * The one way a screen reads its wording: `t` and `list` for the common dictionary, `lang`, and with
 * a namespace (`useI18n(payText)`) also `s`, that namespace's wording in the current language.
 */
export function useI18n(): I18n;
export function useI18n<W extends Wording>(text: Text<W>): I18n & { s: W };
export function useI18n<W extends Wording>(text?: Text<W>): I18n | (I18n & { s: W }) {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return text ? { ...ctx, s: text[ctx.lang] } : ctx;
}
