import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi';
import en from './en';
import { STORAGE_KEYS, storage } from '../lib/storage';

export type Language = 'vi' | 'en';
export const languages: readonly Language[] = ['vi', 'en'];

function initialLanguage(): Language {
  if (typeof window === 'undefined') return 'vi';
  const saved = storage.get(STORAGE_KEYS.language);
  return saved === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function setLanguage(lang: Language): void {
  storage.set(STORAGE_KEYS.language, lang);
  void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export default i18n;
