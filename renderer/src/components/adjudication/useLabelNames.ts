import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useProjectStore } from '../../stores/project'

/** The codebook's names for dimension and label ids, and a value's labels as words. */
export function useLabelNames() {
  const { t } = useI18n()
  const project = useProjectStore()
  const names = computed(() => {
    const dimensions = new Map<string, string>()
    const labels = new Map<string, string>()
    for (const d of project.codebook.dimensions) {
      dimensions.set(d.id, d.name)
      for (const l of d.labels) labels.set(`${d.id}\u0000${l.id}`, l.name)
    }
    return { dimensions, labels }
  })
  const dimensionName = (id: string) => names.value.dimensions.get(id) ?? id
  const labelName = (dimension: string, id: string) =>
    names.value.labels.get(`${dimension}\u0000${id}`) ?? id
  const valueText = (dimension: string, ids: readonly string[] | undefined) =>
    ids && ids.length
      ? ids.map((id) => labelName(dimension, id)).join(', ')
      : t('adjudication.nothing')
  return { dimensionName, labelName, valueText }
}
