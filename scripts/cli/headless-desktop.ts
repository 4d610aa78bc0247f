import type { Desktop, DesktopNotification } from '../../electron/main/services/desktop-port';

/** The Desktop port without a desktop: the CLI names its target itself and prints instead of notifying. */
export function createHeadlessDesktop(folder: string, print: (line: string) => void): Desktop {
  return {
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    defaultExportFolder: () => folder,
    notify: (n: DesktopNotification) => print(`${n.title}: ${n.body}`),
    revealInFolder: () => undefined,
    openPath: async () => undefined,
  };
}
