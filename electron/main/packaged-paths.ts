/**
 * Where a file of the app really is once electron-builder has packed it. Files listed in
 * electron-builder.yml's asarUnpack live in app.asar.unpacked beside the archive; Electron's
 * own fs redirects reads of them, but a worker_thread is started by Node from a path, and
 * its ES-module imports resolve from wherever it was loaded. So the workers start from the
 * unpacked copy, next to the unpacked node_modules they import. Plain Node: unit-tested.
 */
export function unpackedPath(path: string): string {
  // The first `app.asar` path segment only; `app.asar.unpacked` is left as it is.
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}
