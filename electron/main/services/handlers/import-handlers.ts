import type { Services } from '../app';
import type { AreaHandlers } from './define';

type ImportChannel =
  | 'import:chooseFile'
  | 'import:preview'
  | 'import:run'
  | 'import:batches'
  | 'import:undo'
  | 'import:presets'
  | 'import:savePreset'
  | 'import:deletePreset';

export function importHandlers(services: Services): AreaHandlers<ImportChannel> {
  const imports = services.imports;
  return {
    'import:chooseFile': async () => ({ path: await imports.chooseFile() }),
    'import:preview': (request) => imports.preview(request),
    'import:run': (request) => imports.run(request),
    'import:batches': () => imports.batches(),
    'import:undo': (request) => imports.undo(request.batchId),
    'import:presets': () => imports.presets.list(),
    'import:savePreset': (request) => imports.presets.save(request.definition, request.id),
    'import:deletePreset': (request) => {
      imports.presets.delete(request.id);
      return { deleted: true };
    },
  };
}
