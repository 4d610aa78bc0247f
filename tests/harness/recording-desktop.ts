import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Desktop,
  DesktopNotification,
  OpenDialogRequest,
  SaveDialogRequest,
} from '../../electron/main/services/desktop-port';

/**
 * The Desktop port for tests and the harness: dialogs answer from a queue (default:
 * a file in the temp folder under the suggested name) and every call is recorded.
 */
export class RecordingDesktop implements Desktop {
  readonly saveRequests: SaveDialogRequest[] = [];
  readonly openRequests: OpenDialogRequest[] = [];
  readonly folderRequests: OpenDialogRequest[] = [];
  readonly notifications: DesktopNotification[] = [];
  readonly revealed: string[] = [];
  readonly opened: string[] = [];
  private readonly saveAnswers: (string | null)[] = [];
  private readonly openAnswers: (string | null)[] = [];
  private readonly folderAnswers: (string | null)[] = [];

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  /** The next save dialog answers this path (null = the user cancelled). */
  answerNextSave(path: string | null): void {
    this.saveAnswers.push(path);
  }

  /** The next open-file dialog answers this path (null = cancelled; the default is cancelled). */
  answerNextOpen(path: string | null): void {
    this.openAnswers.push(path);
  }

  /** The next folder dialog answers this path (null = cancelled; the default is cancelled). */
  answerNextFolder(path: string | null): void {
    this.folderAnswers.push(path);
  }

  async chooseSavePath(request: SaveDialogRequest): Promise<string | null> {
    this.saveRequests.push(request);
    if (this.saveAnswers.length) return this.saveAnswers.shift() ?? null;
    return join(this.folder, request.suggestedName);
  }

  async chooseOpenPath(request: OpenDialogRequest): Promise<string | null> {
    if (request.pick === 'folder') {
      this.folderRequests.push(request);
      return this.folderAnswers.shift() ?? null;
    }
    this.openRequests.push(request);
    return this.openAnswers.shift() ?? null;
  }

  defaultExportFolder(): string {
    return this.folder;
  }

  notify(notification: DesktopNotification): void {
    this.notifications.push(notification);
  }

  revealInFolder(path: string): void {
    this.revealed.push(path);
  }

  async openPath(path: string): Promise<void> {
    this.opened.push(path);
  }
}
