/**
 * One definition of "at the limit", shared by goals and prop evaluations: a loss (or a
 * drawdown) that REACHES the limit breaks it. A $1,000 daily loss limit is broken by a day
 * that loses exactly $1,000, as the firms word it (Topstep: "hits or exceeds"; Apex: "hits
 * or goes below the threshold"; FTMO: equity must stay above the floor).
 */
export function reachesLimit(usedCents: number, limitCents: number): boolean {
  return usedCents >= limitCents;
}
