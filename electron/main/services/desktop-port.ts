/**
 * Everything the services need from the desktop shell. Electron implements it in
 * electron/main/desktop.ts; tests and the harness use a recording implementation.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveDialogRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
}

export interface OpenDialogRequest {
  title: string;
  filters: FileFilter[];
  /** What the user picks: an existing file (the default) or a folder (filters do not apply). */
  pick?: 'file' | 'folder';
}

export type NotificationAction =
  | { kind: 'reveal'; path: string }
  | { kind: 'open-screen'; screen: string };

export interface DesktopNotification {
  title: string;
  body: string;
  /** What clicking the notification does. */
  action?: NotificationAction;
}

export interface Desktop {
  /** Absolute path chosen by the user, or null when they cancelled. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  /** An existing file, or a folder when `request.pick` is 'folder'; null when they cancelled. */
  chooseOpenPath(request: OpenDialogRequest): Promise<string | null>;
  /** The folder exports go to when "always ask where to save" is off. */
  defaultExportFolder(): string;
  notify(notification: DesktopNotification): void;
  revealInFolder(path: string): void;
  openPath(path: string): Promise<void>;
}
