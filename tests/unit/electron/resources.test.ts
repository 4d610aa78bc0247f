import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, readPngHeader } from '../../../scripts/icons/png';
import { drawMark, TRAY_TEMPLATE } from '../../../scripts/icons/draw';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

describe('resources/ icons', () => {
  it('has a 512x512 RGBA app icon for the installers and the window', () => {
    expect(readPngHeader(read('resources/icon.png'))).toEqual({ width: 512, height: 512, bitDepth: 8, colorType: 6 });
  });

  it('has the Linux icon set, one PNG per size named NxN.png', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(readPngHeader(read(`resources/icons/${size}x${size}.png`))).toMatchObject({ width: size, height: size });
    }
  });

  it('has light, dark and macOS template tray icons at 1x and 2x', () => {
    for (const name of ['tray-light', 'tray-dark', 'trayTemplate']) {
      expect(readPngHeader(read(`resources/tray/${name}.png`))).toMatchObject({ width: 16, height: 16 });
      expect(readPngHeader(read(`resources/tray/${name}@2x.png`))).toMatchObject({ width: 32, height: 32 });
    }
  });

  it('the PNG encoder round-trips pixels through zlib', () => {
    const pixels = drawMark(16, TRAY_TEMPLATE);
    const png = encodePng(16, 16, pixels);
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    const rows = Array.from({ length: 16 }, (_, y) => raw.subarray(y * 65 + 1, (y + 1) * 65));
    expect(Buffer.concat(rows).equals(Buffer.from(pixels))).toBe(true);
    // The glyph is drawn, not blank, and the template is black with alpha only.
    const alpha = [...pixels].filter((_, i) => i % 4 === 3);
    expect(alpha.some((a) => a === 255)).toBe(true);
    expect(alpha.some((a) => a === 0)).toBe(true);
    expect([...pixels].filter((_, i) => i % 4 !== 3).every((c) => c === 0)).toBe(true);
  });
});

describe('electron-builder.yml', () => {
  const yml = read('electron-builder.yml').toString('utf8');

  it('names the app and builds AppImage, deb, nsis and dmg', () => {
    expect(yml).toMatch(/^appId: app\.sparkjournal\.desktop$/m);
    expect(yml).toMatch(/^productName: Spark Journal$/m);
    for (const target of ['AppImage', 'deb', 'nsis', 'dmg']) expect(yml).toMatch(new RegExp(`^\\s+- ${target}$`, 'm'));
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron at packaging time', () => {
    expect(yml).toMatch(/^asarUnpack:\n(\s+- .+\n)*\s+- node_modules\/\*\*$/m);
    expect(yml).toMatch(/^npmRebuild: true$/m);
  });

  it('gives file:// pages no extra privileges: the renderer comes from app://', () => {
    expect(yml).toMatch(/^\s+grantFileProtocolExtraPrivileges: false$/m);
    expect(yml).toMatch(/^\s+runAsNode: false$/m);
    expect(yml).toMatch(/^\s+onlyLoadAppFromAsar: true$/m);
  });

  it('ships the bundles (with the migrations copied into out/main) and the tray icons it references', () => {
    expect(yml).toMatch(/^\s+- out\/\*\*\/\*$/m);
    expect(yml).toMatch(/^\s+- resources\/tray\/\*\*$/m);
    for (const [, path] of yml.matchAll(/icon: (resources\/\S+)/g)) expect(existsSync(new URL(path as string, root))).toBe(true);
    const config = read('electron.vite.config.ts').toString('utf8');
    expect(config).toContain("'electron/main/services/db/migrations'");
  });

  it('ships an AppArmor profile that lets the .deb keep the Chromium sandbox on Ubuntu 24.04+', () => {
    expect(yml).toMatch(/^deb:\n(?:\s+.*\n)*?\s+appArmorProfile: resources\/linux\/apparmor-profile\.tpl$/m);
    const template = read('resources/linux/apparmor-profile.tpl').toString('utf8');
    // electron-builder's own substitution (FpmTarget writeConfigFile): every macro must be known.
    const macros = { executable: 'spark-journal', sanitizedProductName: 'Spark Journal' } as Record<string, string>;
    const profile = template.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
      const value = macros[name];
      if (value === undefined) throw new Error(`Macro ${name} is not defined`);
      return value;
    });
    expect(yml).toMatch(/^\s+executableName: spark-journal$/m);
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(profile).toContain('profile "spark-journal" "/opt/Spark Journal/spark-journal" flags=(unconfined) {');
    expect(profile).toMatch(/^\s+userns,$/m);
  });

  it('never turns the sandbox off', () => {
    const sources = [yml, read('package.json').toString('utf8'), read('electron/main/index.ts').toString('utf8'), read('electron/main/window-options.ts').toString('utf8')];
    for (const source of sources) expect(source).not.toMatch(/no-sandbox|noSandbox|disable-setuid-sandbox|sandbox: false/);
  });

  it('is never run by npm install or npm test', () => {
    const pkg = JSON.parse(read('package.json').toString('utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'pretest', 'test', 'posttest']) {
      expect(pkg.scripts[hook] ?? '').not.toMatch(/electron-builder|package-app|ensure-electron/);
    }
    expect(pkg.scripts['package']).toBe('node scripts/electron/package-app.mjs');
    for (const hook of ['prestart', 'predev', 'prepare:electron']) expect(pkg.scripts[hook]).toBe('tsx scripts/electron/ensure-electron.ts');
  });
});
