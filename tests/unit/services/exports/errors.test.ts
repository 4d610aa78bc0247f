import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyError, crashFailure, finalAttemptError } from '../../../../electron/main/services/exports/errors';

const dir = mkdtempSync(join(tmpdir(), 'spark-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error Node really throws for `work`. */
function thrownBy(work: () => void): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('export error words', () => {
  it('a rename whose temporary file vanished is a rename failure, not a missing folder', () => {
    const target = join(dir, 'trades.csv');
    const error = thrownBy(() => renameSync(`${target}.partial`, target));
    const failure = classifyError(error, target);
    expect(failure).toMatchObject({ errorClass: 'terminal', code: 'rename_failed' });
    expect(failure.message).toContain('could not be moved onto');
    expect(failure.message).not.toContain('no longer exists');
  });

  it('a folder that really went away is still reported as missing', () => {
    const gone = join(dir, 'gone');
    const target = join(gone, 'trades.csv');
    const error = thrownBy(() => writeFileSync(`${target}.partial`, 'x'));
    expect(classifyError(error, target)).toMatchObject({ code: 'folder_missing' });
  });

  it('a folder as the target says so instead of an internal error', () => {
    const target = join(dir, 'a-folder.csv');
    mkdirSync(target);
    writeFileSync(`${target}.partial`, 'x');
    const error = thrownBy(() => renameSync(`${target}.partial`, target));
    const failure = classifyError(error, target);
    expect(failure).toMatchObject({ errorClass: 'validation', code: 'target_is_folder' });
    expect(failure.message).toContain('is a folder');
  });

  it('the last failed attempt says it will not be retried, and what to do', () => {
    const transient = classifyError(Object.assign(new Error('busy'), { code: 'EBUSY' }), join(dir, 'x.csv')).toJobError();
    expect(transient.message).toContain('It will be retried.');
    const last = finalAttemptError(transient, 3);
    expect(last.message).not.toContain('It will be retried');
    expect(last.message).toMatch(/A temporary problem interrupted the export \(EBUSY\)\. It was tried 3 times and will not be retried automatically\. .*press Retry/);
    const crash = finalAttemptError(crashFailure('exit code 7').toJobError(), 3);
    expect(crash.message).toMatch(/will not be retried automatically\. If it happens again/);
    const terminal = classifyError(Object.assign(new Error('full'), { code: 'ENOSPC' }), join(dir, 'x.csv')).toJobError();
    expect(finalAttemptError(terminal, 1)).toEqual(terminal);
  });
});
