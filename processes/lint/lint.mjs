// Lints the process models with Camunda Modeler's rules (.bpmnlintrc: bpmnlint's recommended rules and
// camunda-compat for Camunda 7.24). Run by the processes module's build in phase test (processes/pom.xml)
// with the machine's node and npm; `npm ci` only when package-lock.json changed since the last install.
// Exits non-zero on any problem, so the build fails: the models stay at zero problems.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const models = join(here, '../src/main/resources/bpmn');

const lockHash = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
const stamp = join(here, 'node_modules', '.dondoc-installed');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('[bpmnlint] npm ci (package-lock.json changed or node_modules missing)');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}

const files = readdirSync(models).filter((f) => f.endsWith('.bpmn')).map((f) => join(models, f));
if (files.length === 0) throw new Error(`no models in ${models}`);
try {
  execFileSync(process.execPath, [join(here, 'node_modules/bpmnlint/bin/bpmnlint.js'), ...files], { cwd: here, stdio: 'inherit' });
  console.log(`[bpmnlint] ${files.length} models, 0 problems`);
} catch {
  process.exit(1);
}
