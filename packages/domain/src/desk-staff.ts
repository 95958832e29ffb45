/**
 * Who counts as desk staff when the schedule looks for times nobody serves. The head may hold the
 * operator role to step in at a desk, but is not part of the hall's cover: counting her would call
 * a lunch of every desk operator at once "staggered" and offer booking slots with nobody at a desk.
 * Roles are the office config's (`operator`, `head`, `admin`); the domain takes them as strings.
 */
export function countsAsDeskStaff(roles: readonly string[]): boolean {
  return roles.includes('operator') && !roles.includes('head');
}
