/** The UI languages (a module of its own: plain helpers such as format.ts need the type, not the hooks). */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
