/**
 * How the reliability view writes its figures: in the analyst's locale, three decimals, and an
 * undefined coefficient as "undefined" with the core's reason (never 1, 0 or NaN).
 */
import type { AlphaView, EstimateView } from '../../../../electron/contract/reliability'
import type { useI18n } from 'vue-i18n'
import { translate } from '../../i18n/messages'

type T = ReturnType<typeof useI18n>['t']

export function useFigures(t: T, locale: () => string) {
  function number(x: number, digits = 3): string {
    return x.toLocaleString(locale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
  }
  function estimate(e: EstimateView): string {
    return e.value === null
      ? e.reason
        ? translate(e.reason)
        : t('reliability.verdicts.undefined')
      : number(e.value)
  }
  function interval(a: AlphaView): string {
    return a.interval ? `${number(a.interval.low)} – ${number(a.interval.high)}` : ''
  }
  function verdict(a: AlphaView): string {
    const v = t(`reliability.verdicts.${a.verdict}`)
    return a.uncertain ? t('reliability.uncertain', { verdict: v }) : v
  }
  return { number, estimate, interval, verdict }
}
