// Builds the browser libraries the app serves under /vendor/ from the npm packages in package-lock.json.
// Run by the Maven build (app/pom.xml, phase generate-resources) with the machine's node and npm:
//   node build-vendor.mjs <output dir>
// 1. `npm ci` when package-lock.json changed since the last install (or node_modules is missing);
// 2. for each library below: bundle its entry in src/ into one browser script (esbuild, IIFE exposing a
//    global) and copy the files it needs (CSS, licence) into <output dir>/<library>/.
// Both steps are skipped when their inputs have not changed, so an unchanged build costs a second.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../../../target/classes/static/vendor'));

/**
 * What goes to /vendor/<dir>/. `bundle`: an entry in src/ bundled into `file`, exposing `global` on window.
 * `copy`: [file in node_modules, name under /vendor/<dir>/]. A new library is one more entry here plus its
 * package in package.json (npm install --save-exact); one that ships a browser build (bpmn-js) is copied
 * without a bundle.
 */
const LIBRARIES = [
  {
    dir: 'form-js',
    bundle: { entry: 'src/form-js.js', file: 'form-viewer.js', global: 'FormJs' },
    copy: [
      ['@bpmn-io/form-js-viewer/dist/assets/form-js.css', 'form-js.css'],
      ['@bpmn-io/form-js-viewer/LICENSE', 'LICENSE'],
    ],
  },
  {
    // the case page's process diagrams (static/js/case.js): the navigated viewer's own browser build, window.BpmnJS
    dir: 'bpmn-js',
    copy: [
      ['bpmn-js/dist/bpmn-navigated-viewer.production.min.js', 'bpmn-navigated-viewer.js'],
      ['bpmn-js/dist/assets/diagram-js.css', 'diagram-js.css'],
      ['bpmn-js/dist/assets/bpmn-js.css', 'bpmn-js.css'],
      ['bpmn-js/LICENSE', 'LICENSE'],
    ],
  },
];

const hash = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex');
const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

// --- 1. install ----------------------------------------------------------------------------------
const lock = readFileSync(join(here, 'package-lock.json'), 'utf8');
const installStamp = join(here, 'node_modules', '.dondoc-installed');
const lockHash = hash(lock);
if (read(installStamp) !== lockHash) {
  console.log('[vendor] npm ci (package-lock.json changed or node_modules missing)');
  // --ignore-scripts: no package here needs an install script (esbuild finds its binary package
  // without one), and some would phone home (telemetry).
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  writeFileSync(installStamp, lockHash);
}

// --- 2. bundle and copy --------------------------------------------------------------------------
const { buildSync } = await import(join(here, 'node_modules/esbuild/lib/main.js'));
for (const lib of LIBRARIES) {
  const target = join(out, lib.dir);
  const outputs = [lib.bundle?.file, ...(lib.copy ?? []).map(([, to]) => to)].filter(Boolean).map((f) => join(target, f));
  // the stamp stays out of the served folder; it names the output folder, so two outputs do not mix up
  const stamp = join(here, 'node_modules', `.dondoc-built-${lib.dir}`);
  const inputs = hash(lockHash, target, read(fileURLToPath(import.meta.url)), JSON.stringify(lib),
    lib.bundle ? read(join(here, lib.bundle.entry)) : '');
  if (read(stamp) === inputs && outputs.every((f) => existsSync(f))) continue;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  if (lib.bundle) {
    buildSync({
      entryPoints: [join(here, lib.bundle.entry)],
      outfile: join(target, lib.bundle.file),
      bundle: true,
      format: 'iife',
      globalName: lib.bundle.global,
      minify: true,
      target: 'es2019',
      legalComments: 'eof',
      logLevel: 'warning',
    });
  }
  for (const [from, to] of lib.copy ?? []) {
    copyFileSync(join(here, 'node_modules', from), join(target, to));
  }
  writeFileSync(stamp, inputs);
  console.log(`[vendor] built ${target}`);
}
