import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What electron-builder will put in the installer is decided by package.json files and the
// builder's config; these checks keep the promises the issue makes about them.

const desktopDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = join(desktopDir, '..', '..');
const builderConfig = readFileSync(join(rootDir, 'electron-builder.yml'), 'utf8');

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The production dependency closure, resolved the way Node would from each package's folder. */
function productionClosure(startDir: string): Set<string> {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    for (const name of Object.keys(readManifest(dir).dependencies ?? {})) {
      if (seen.has(name)) continue;
      let found: string | undefined;
      for (let at = dir; ; at = dirname(at)) {
        if (existsSync(join(at, 'node_modules', name, 'package.json'))) {
          found = join(at, 'node_modules', name);
          break;
        }
        if (dirname(at) === at) break;
      }
      if (found === undefined) throw new Error(`${name} not installed (needed from ${dir})`);
      seen.add(name);
      visit(found);
    }
  };
  visit(startDir);
  return seen;
}

describe('desktop packaging', () => {
  const manifest = readManifest(desktopDir);

  it('keeps electron optional, at the version the builder packages', () => {
    expect(manifest.dependencies?.electron).toBeUndefined();
    expect(manifest.devDependencies?.electron).toBeUndefined();
    const version = manifest.optionalDependencies?.electron;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(builderConfig).toContain(`electronVersion: ${version}`);
  });

  it('ships the device agent and serialport but no database', () => {
    const closure = productionClosure(desktopDir);
    expect(closure).toContain('@talon/device-agent');
    expect(closure).toContain('serialport');
    expect(closure).toContain('@serialport/bindings-cpp');
    for (const database of ['better-sqlite3', 'sqlite3', 'pg']) expect(closure).not.toContain(database);
    expect(closure).not.toContain('@talon/office-server');
  });

  it('unpacks serialport native binding from the asar, and builds AppImage, deb and NSIS', () => {
    expect(builderConfig).toMatch(/asarUnpack:\n(\s+- .*\n)*\s+- "\*\*\/node_modules\/@serialport\/bindings-cpp\/\*\*"/);
    for (const target of ['- AppImage', '- deb', 'target: nsis']) expect(builderConfig).toContain(target);
    expect(builderConfig).toContain('app: apps/desktop');
  });
});
