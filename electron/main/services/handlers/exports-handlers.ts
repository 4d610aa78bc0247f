import type { Services } from '../app';
import type { AreaHandlers } from './define';

export function exportsHandlers(
  services: Services,
): AreaHandlers<
  | 'exports:create'
  | 'exports:list'
  | 'exports:get'
  | 'exports:cancel'
  | 'exports:retry'
  | 'exports:reexport'
  | 'exports:reveal'
  | 'exports:open'
  | 'exports:health'
  | 'exports:presets'
  | 'exports:savePreset'
  | 'exports:deletePreset'
  | 'perf:summary'
  | 'perf:runs'
> {
  const exports = services.exports;
  return {
    'exports:create': (request) => exports.create(request),
    'exports:list': (request) => exports.list(request),
    'exports:get': ({ id }) => exports.get(id),
    'exports:cancel': ({ id }) => exports.cancel(id),
    'exports:retry': ({ id }) => exports.retry(id),
    'exports:reexport': ({ id }) => exports.reexport(id),
    'exports:reveal': ({ id }) => exports.reveal(id),
    'exports:open': ({ id }) => exports.open(id),
    'exports:health': () => exports.health(),
    'exports:presets': () => services.exportPresets.list(),
    'exports:savePreset': ({ name, form }) => services.exportPresets.save(name, form),
    'exports:deletePreset': ({ id }) => {
      services.exportPresets.delete(id);
      return { deleted: true as const };
    },
    'perf:summary': ({ sinceDays }) => exports.perfSummary(sinceDays),
    'perf:runs': (request) => exports.perfRuns(request),
  };
}
