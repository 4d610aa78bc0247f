import type { Services } from '../app';
import type { AreaHandlers } from './define';
import { computeRuleStats } from '../analytics/rule-stats';

type PlaybooksChannel = 'playbooks:list' | 'playbooks:save' | 'playbooks:delete' | 'playbooks:checklist' | 'playbooks:setChecks' | 'playbooks:ruleStats';

export function playbooksHandlers(services: Services): AreaHandlers<PlaybooksChannel> {
  const playbooks = services.review.playbooks;
  return {
    'playbooks:list': () => playbooks.list(),
    'playbooks:save': (request) => playbooks.save(request),
    'playbooks:delete': (request) => playbooks.delete(request.id),
    'playbooks:checklist': (request) => playbooks.checklist(request.tradeId),
    'playbooks:setChecks': (request) => playbooks.setChecks(request),
    // A few rows per rule over the checked trades only: small enough for the main connection.
    'playbooks:ruleStats': (request) => computeRuleStats(services.db.sqlite, request.filter),
  };
}
