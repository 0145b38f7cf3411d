// Renders BPMN models to SVG with bpmn-js (the renderer Camunda Modeler uses) in Debian's headless Chromium.
//
//   node scripts/render-diagrams.mjs [--check] [--out <dir>] [--png <dir>] [file.bpmn ...]
//
// Defaults: processes/*.bpmn -> docs/processes/<file name>.svg (file name = process id, see docs/MODELLING.md).
//
// Every SVG starts with a comment holding the SHA-256 of its source BPMN (line endings normalised to LF).
// --check compares that hash with the current BPMN instead of re-rendering and comparing pictures: text layout in
// the SVG depends on the fonts of the machine that rendered it, so a byte comparison would fail on a designer's
// laptop or after a font update although the model is unchanged, and would need Chromium in CI. The hash is exact
// for what matters (was the diagram rendered from this very BPMN?), needs no browser, and cannot flap.
// Rendering itself is still deterministic on one machine (random marker ids are renumbered), so re-rendering an
// unchanged model gives an empty git diff.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

const args = process.argv.slice(2);
const check = take('--check');
const outDir = resolve(option('--out') ?? join(root, 'docs/processes'));
const pngDir = option('--png');
let sources = args.map((file) => resolve(file));
if (sources.length === 0) {
  const dir = join(root, 'processes');
  sources = existsSync(dir)
    ? readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort().map((name) => join(dir, name))
    : [];
}

const HASH = /^<!-- source: (\S+) sha256:([0-9a-f]{64})/m;

function take(flag) {
  const at = args.indexOf(flag);
  if (at < 0) return false;
  args.splice(at, 1);
  return true;
}

function option(flag) {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
}

function sourceHash(file) {
  return createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

function svgFile(source) {
  return join(outDir, basename(source, '.bpmn') + '.svg');
}

function shown(file) {
  return relative(process.cwd(), file) || file;
}

function checkAll() {
  const problems = [];
  for (const source of sources) {
    const svg = svgFile(source);
    if (!existsSync(svg)) {
      problems.push(`${shown(svg)} is missing: ${shown(source)} has no rendered diagram`);
      continue;
    }
    const stamp = HASH.exec(readFileSync(svg, 'utf8'));
    if (!stamp || stamp[2] !== sourceHash(source)) {
      problems.push(`${shown(svg)} is out of date with ${shown(source)}`);
    }
  }
  if (existsSync(outDir)) {
    const expected = new Set(sources.map(svgFile));
    for (const name of readdirSync(outDir).filter((file) => file.endsWith('.svg'))) {
      const svg = join(outDir, name);
      if (!expected.has(svg)) problems.push(`${shown(svg)} has no BPMN source any more; delete it`);
    }
  }
  if (problems.length > 0) {
    problems.forEach((problem) => console.error(`render-diagrams: ${problem}`));
    console.error('render-diagrams: run scripts/render-diagrams.sh and commit docs/processes/');
    process.exit(1);
  }
  console.log(`render-diagrams: ${sources.length} diagram(s) up to date`);
}

/** bpmn-js numbers arrow markers with random ids; renumber them in document order so output is stable. */
function normalise(svg) {
  const ids = [...new Set([...svg.matchAll(/id="(marker-[^"]+)"/g)].map((match) => match[1]))];
  ids.forEach((id, index) => {
    svg = svg.split(id).join(`marker-${index + 1}`);
  });
  return svg;
}

async function renderAll() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff"><div id="canvas"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    const version = JSON.parse(readFileSync(require.resolve('bpmn-js/package.json'), 'utf8')).version;
    mkdirSync(outDir, { recursive: true });
    for (const source of sources) {
      const xml = readFileSync(source, 'utf8');
      const { svg, warnings } = await page.evaluate(async (bpmnXml) => {
        document.getElementById('canvas').innerHTML = '';
        // eslint-disable-next-line no-undef
        const viewer = new BpmnJS({ container: '#canvas' });
        const result = await viewer.importXML(bpmnXml);
        const { svg } = await viewer.saveSVG();
        return { svg, warnings: result.warnings.map((warning) => warning.message) };
      }, xml);
      if (warnings.length > 0) {
        throw new Error(`${shown(source)} renders with warnings:\n  ${warnings.join('\n  ')}`);
      }
      const name = relative(root, source).split('\\').join('/');
      const stamp = `<!-- source: ${name} sha256:${sourceHash(source)} -->\n`
        + `<!-- rendered by scripts/render-diagrams.sh with bpmn-js ${version}; do not edit, re-render -->\n`;
      const body = normalise(svg).replace(/^<\?xml[^>]*\?>\s*/, '');
      const target = svgFile(source);
      writeFileSync(target, `<?xml version="1.0" encoding="utf-8"?>\n${stamp}${body.trimEnd()}\n`);
      console.log(`render-diagrams: ${shown(source)} -> ${shown(target)}`);
      if (pngDir) {
        mkdirSync(pngDir, { recursive: true });
        const png = join(pngDir, basename(source, '.bpmn') + '.png');
        await page.evaluate((markup) => { document.getElementById('canvas').innerHTML = markup; },
          readFileSync(target, 'utf8').replace(/^<\?xml[^>]*\?>/, ''));
        await page.locator('#canvas svg').screenshot({ path: png });
        console.log(`render-diagrams: preview ${png}`);
      }
    }
  } finally {
    await browser.close();
  }
}

if (check) {
  checkAll();
} else if (sources.length === 0) {
  console.log('render-diagrams: no BPMN files to render');
} else {
  await renderAll();
}
