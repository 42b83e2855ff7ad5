/**
 * Jurisdiction codes are hierarchical, ISO 3166-2 style: "CN" covers "CN-JX", which covers "CN-JX-nanchang".
 * A rule file (sanctions, agreements) is the region's own when its jurisdiction covers the policy's; else it
 * is borrowed, another jurisdiction's rules standing in for the region's (the default prefecture borrows
 * Jiangxi's penalty table and Guangxi's agreement rules). Runs say which.
 */
export function covers(rules: string, region: string): boolean {
  return region === rules || region.startsWith(`${rules}-`);
}

/** "CN-JX" or "CN-JX, borrowed": how a rule file's jurisdiction reads beside the policy's region. */
export function jurisdictionText(rules: string, region: string): string {
  return covers(rules, region) ? rules : `${rules}, borrowed`;
}
