/** Hands the browser a file to save, made here on the device (works offline; nothing is sent anywhere). */
export function download(name: string, contents: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "kring-familie-jansen-2026-03-12.json": the household and the day, in characters every file system takes. */
export function fileName(householdName: string, extension: string): string {
  const slug = householdName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan'
  return `kring-${slug}-${new Date().toISOString().slice(0, 10)}.${extension}`
}
