import { shallowRef, watch, type ShallowRef } from 'vue'
import { getTemplate, type ApprovalOut } from './api'

/**
 * Each step's condition (null: none) of a request, read from its template while the template still
 * publishes the version the request runs on; empty when it does not (or cannot be read), since
 * another version's conditions would be wrong words.
 */
export function useStepConditions(approval: () => ApprovalOut | null): ShallowRef<(string | null)[]> {
  const conditions = shallowRef<(string | null)[]>([])
  const versionOf = (a: ApprovalOut | null) => (a ? `${a.templateId}@${a.templateVersion}` : '')
  watch(
    () => versionOf(approval()),
    async (wanted) => {
      conditions.value = []
      const a = approval()
      if (!a) return
      try {
        const template = await getTemplate(a.templateId)
        const steps = template.definition.steps
        if (versionOf(approval()) !== wanted || template.currentVersion !== a.templateVersion || steps.length !== a.steps.length) return
        conditions.value = steps.map((s) => s.condition ?? null)
      } catch {
        // The steps still show, only without their conditions.
      }
    },
    { immediate: true },
  )
  return conditions
}
