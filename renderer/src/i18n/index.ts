import { createI18n } from 'vue-i18n'
import adjudicationDe from './adjudication.de'
import adjudicationEn from './adjudication.en'
import codebookDe from './codebook.de'
import codebookEn from './codebook.en'
import de from './de'
import en from './en'
import jobsDe from './jobs.de'
import jobsEn from './jobs.en'
import reliabilityDe from './reliability.de'
import reliabilityEn from './reliability.en'
import suggestDe from './suggest.de'
import suggestEn from './suggest.en'
import teamDe from './team.de'
import teamEn from './team.en'

export type Locale = 'en' | 'de'

/** The system language decides, German for German systems; the analyst can switch. */
export function systemLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: systemLocale(),
  fallbackLocale: 'en',
  messages: {
    en: {
      ...en,
      codebook: codebookEn,
      jobs: jobsEn,
      team: teamEn,
      reliability: reliabilityEn,
      adjudication: adjudicationEn,
      suggest: suggestEn,
    },
    de: {
      ...de,
      codebook: codebookDe,
      jobs: jobsDe,
      team: teamDe,
      reliability: reliabilityDe,
      adjudication: adjudicationDe,
      suggest: suggestDe,
    },
  },
})
