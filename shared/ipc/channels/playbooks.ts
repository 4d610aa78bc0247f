import { z } from 'zod';
import { channel } from '../define';
import {
  PlaybookSaveSchema,
  PlaybookStatsSchema,
  RuleChecksSchema,
  type Playbook,
  type RuleStats,
  type TradeChecklist,
} from '../../domain/playbooks';

const Id = z.number().int().positive();

/** Setups as a managed list with checklists; per trade, which rules were followed. */
export const playbooksChannels = {
  'playbooks:list': channel<Playbook[]>()(z.object({}).strict()),
  /** Creates (no id) or replaces a playbook; a rename moves its trades' setup along. Same name (any case) is a conflict. */
  'playbooks:save': channel<Playbook>()(PlaybookSaveSchema),
  'playbooks:delete': channel<{ deleted: number }>()(z.object({ id: Id }).strict()),
  /** The trade's playbook (by its setup) and its ticks. */
  'playbooks:checklist': channel<TradeChecklist>()(z.object({ tradeId: Id }).strict()),
  'playbooks:setChecks': channel<TradeChecklist>()(RuleChecksSchema),
  /** Per rule, closed trades where it was followed vs broken: win rate, net, expectancy in R. */
  'playbooks:ruleStats': channel<RuleStats[]>()(PlaybookStatsSchema),
};
