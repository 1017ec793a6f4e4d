import type { MigrationResult } from '../../shared/plan/index.ts'

/**
 * Whether to tell the person that a newer Kring wrote this plan, after one
 * more `plan.upgrade()` (which gives null while the document is still empty).
 * Once seen it stays seen for this page: this build cannot read the newer
 * parts, and only a reload (to the newer app) fixes that.
 */
export function writtenByNewerVersion(seenBefore: boolean, result: MigrationResult | null): boolean {
  return seenBefore || result?.fromNewerVersion === true
}
