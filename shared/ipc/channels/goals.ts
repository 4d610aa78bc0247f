import { z } from 'zod';
import { channel } from '../define';
import { GoalCreateSchema, GoalPatchSchema, type GoalProgress } from '../../domain/goals';
import { PropEvaluationCreateSchema, PropEvaluationPatchSchema, type PropEvaluationProgress } from '../../domain/prop';

const Id = z.number().int().positive();

/** Goals and prop-firm evaluations: CRUD, each answer carrying the progress now. */
export const goalsChannels = {
  'goals:list': channel<GoalProgress[]>()(z.object({}).strict()),
  'goals:create': channel<GoalProgress>()(GoalCreateSchema),
  'goals:update': channel<GoalProgress>()(z.object({ id: Id, patch: GoalPatchSchema }).strict()),
  'goals:delete': channel<{ id: number }>()(z.object({ id: Id }).strict()),
  'prop:list': channel<PropEvaluationProgress[]>()(z.object({}).strict()),
  'prop:create': channel<PropEvaluationProgress>()(PropEvaluationCreateSchema),
  'prop:update': channel<PropEvaluationProgress>()(z.object({ id: Id, patch: PropEvaluationPatchSchema }).strict()),
  'prop:delete': channel<{ id: number }>()(z.object({ id: Id }).strict()),
};
