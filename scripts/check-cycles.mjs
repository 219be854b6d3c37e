// Lists import cycles among src/ files (type-only imports included: they tie the layers together just the same)
// and imports that run back up the layers below. Exit 1 when there is one. Run by `npm run lint` and `npm test`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const name = (file) => relative(process.cwd(), file);

// Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`.
const specifier = /(?:^|[\s;}])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = new Set();
  for (const match of text.matchAll(specifier)) {
    const spec = match[1] ?? match[2];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const candidates = [target, target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')];
    const hit = candidates.find((candidate) => files.has(candidate));
    if (hit) found.add(hit);
  }
  return [...found];
}

const files = new Set(listFiles(root));
const graph = new Map([...files].map((file) => [file, importsOf(file)]));

// Layers, bottom up: a file may import its own layer and those below. config.ts and logger.ts are read by every layer.
const LAYERS = [
  ['domain'],
  ['text', 'store', 'import', 'chart'],
  ['render'],
  ['schedule'],
  ['ops', 'web'],
  ['bot', 'web'],
  ['app.ts', 'run-bot.ts'],
  ['console', 'cli'],
  ['main.ts'],
];
const EVERYWHERE = new Set(['config.ts', 'logger.ts']);
const layerOf = (file) => {
  const top = relative(root, file).split('/')[0];
  if (EVERYWHERE.has(top)) return undefined;
  const rank = LAYERS.findIndex((names) => names.includes(top));
  return rank === -1 ? undefined : { rank, top };
};
const upward = [];
for (const [file, targets] of graph) {
  const from = layerOf(file);
  for (const target of targets) {
    const to = layerOf(target);
    if (from && to && to.rank > from.rank) upward.push(`${name(file)} → ${name(target)} (${from.top} is below ${to.top})`);
  }
}

// Tarjan's strongly connected components, iteratively (no recursion limit on deep chains).
let index = 0;
const indexOf = new Map();
const lowOf = new Map();
const stack = [];
const onStack = new Set();
const components = [];
for (const start of graph.keys()) {
  if (indexOf.has(start)) continue;
  const work = [[start, 0]];
  indexOf.set(start, index);
  lowOf.set(start, index++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const [node, next] = frame;
    const edges = graph.get(node);
    if (next < edges.length) {
      frame[1]++;
      const to = edges[next];
      if (!indexOf.has(to)) {
        indexOf.set(to, index);
        lowOf.set(to, index++);
        stack.push(to);
        onStack.add(to);
        work.push([to, 0]);
      } else if (onStack.has(to)) {
        lowOf.set(node, Math.min(lowOf.get(node), indexOf.get(to)));
      }
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1][0];
      lowOf.set(parent, Math.min(lowOf.get(parent), lowOf.get(node)));
    }
    if (lowOf.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).includes(node)) components.push(component);
    }
  }
}

// One concrete loop per component makes the report actionable: the shortest path back to its first file.
function shortestLoop(component) {
  const members = new Set(component);
  const first = [...component].sort()[0];
  const previous = new Map([[first, null]]);
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node)) {
      if (!members.has(to)) continue;
      if (to === first) {
        const path = [node];
        for (let at = previous.get(node); at; at = previous.get(at)) path.unshift(at);
        return [...path, first];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [first, first];
}

for (const line of upward) console.error(`import runs back up: ${line}`);
if (components.length === 0 && upward.length === 0) {
  console.log(`import cycles: none among ${files.size} files under ${name(root)}/; no import runs back up`);
  process.exit(0);
}
for (const component of components) {
  console.error(`import cycle of ${component.length} file(s): ${shortestLoop(component).map(name).join(' → ')}`);
  for (const file of component.sort()) console.error(`  ${name(file)}`);
}
console.error(`import cycles: ${components.length}; imports running back up: ${upward.length}`);
process.exit(1);
