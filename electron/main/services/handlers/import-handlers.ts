import type { Services } from '../app';
import type { AreaHandlers } from './define';

type ImportChannel =
  | 'import:pickFile'
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
    'import:pickFile': async () => {
      const path = await imports.chooseFile();
      return { file: path === null ? null : services.fileTokens.issue(path) };
    },
    'import:preview': ({ file, ...request }) => imports.preview({ ...request, path: services.fileTokens.resolve(file) }),
    'import:run': ({ file, ...request }) => imports.run({ ...request, path: services.fileTokens.resolve(file) }),
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
