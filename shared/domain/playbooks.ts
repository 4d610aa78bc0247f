import { z } from 'zod';
import { TradeFilterSchema } from './trade';

const Id = z.number().int().positive();
export const PLAYBOOK_RULES_MAX = 30;

export const PlaybookSaveSchema = z
  .object({
    /** Absent: a new playbook. */
    id: Id.optional(),
    name: z.string().trim().min(1, 'a playbook needs a name').max(80, 'a playbook name has at most 80 characters'),
    description: z.string().max(5000, 'a description has at most 5000 characters').default(''),
    /** The checklist in order; a rule keeps its id (and every trade's tick) while its id is sent back. */
    rules: z
      .array(z.object({ id: Id.optional(), text: z.string().trim().min(1, 'a rule cannot be empty').max(300, 'a rule has at most 300 characters') }).strict())
      .max(PLAYBOOK_RULES_MAX, `a playbook has at most ${PLAYBOOK_RULES_MAX} rules`)
      .default([]),
  })
  .strict();
export type PlaybookSave = z.output<typeof PlaybookSaveSchema>;

export const RuleChecksSchema = z
  .object({
    tradeId: Id,
    checks: z.array(z.object({ ruleId: Id, followed: z.boolean() }).strict()).max(PLAYBOOK_RULES_MAX),
  })
  .strict();
export type RuleChecksInput = z.output<typeof RuleChecksSchema>;

export const PlaybookStatsSchema = z.object({ filter: TradeFilterSchema.default({}) }).strict();

export interface PlaybookRule {
  id: number;
  text: string;
  position: number;
}

export interface Playbook {
  id: number;
  name: string;
  description: string;
  rules: PlaybookRule[];
  /** Trades whose setup names this playbook (any case). */
  tradeCount: number;
}

/** A trade's playbook (matched by its setup) and which of its rules were followed (absent = not reviewed). */
export interface TradeChecklist {
  playbook: Playbook | null;
  checks: { ruleId: number; followed: boolean }[];
}

/** Closed trades' figures for one side of a rule (followed or broken). */
export interface RuleSideStats {
  tradeCount: number;
  winRate: number | null;
  netPnlCents: number;
  /** Mean R of the trades with an R (the expectancy in R); null without one. */
  expectancyR: number | null;
}

export interface RuleStats {
  playbookId: number;
  ruleId: number;
  text: string;
  followed: RuleSideStats;
  broken: RuleSideStats;
}
