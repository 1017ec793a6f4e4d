/** The presentation view's path under the meeting's section: `/#/plan/<planId>/meedenkbijeenkomst/scherm`. */
export const SCREEN_VIEW = 'scherm'
