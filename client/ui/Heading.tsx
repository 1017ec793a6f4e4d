import type { ReactNode } from 'react'

/** A heading at the level its place asks for (the section's h3s sit at h4 inside a meeting step). */
export function Heading({ level, id, children }: { level: 3 | 4 | 5; id: string; children: ReactNode }) {
  const Tag = `h${level}` as const
  return <Tag id={id}>{children}</Tag>
}
