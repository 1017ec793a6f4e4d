/**
 * The short address a guest scans or types: `<origin>/m/<code>`, a real path
 * (not a #route) so it stays short and readable; the app turns it into its
 * own route on load (`joinRouteFromPath`), and `/m` alone opens the page
 * where the code is typed.
 */
export function joinLink(code: string, origin = location.origin): string {
  return `${origin}/m/${code}`
}

/** What the gespreksleider tells people to go to, without https://: `kring.example.nl/m`. */
export function joinAddress(origin = location.origin): string {
  return `${new URL(origin).host}/m`
}

/**
 * The app's route for a short address (`/m`, `/m/<code>`) opened directly,
 * or undefined for any other path. The relay serves the app for these paths
 * as for any page.
 */
export function joinRouteFromPath(pathname: string): string | undefined {
  const match = /^\/m(?:\/([^/]*))?\/?$/.exec(pathname)
  if (!match) return undefined
  return match[1] ? `/m/${match[1]}` : '/m'
}
