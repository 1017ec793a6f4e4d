/**
 * What `promise` settles to, or `fallback` when it has not settled within
 * `ms`; the timer is cleared either way, so nothing is left to keep the
 * process alive. For a question that must not hold up whoever asks it (a
 * health check, a start-up step), while the work itself goes on.
 */
export async function waitAtMost<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}
