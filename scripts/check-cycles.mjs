// Lists import cycles among src/ files (type-only imports included: they tie the layers together just the same).
// Exit 1 when there is one. Run by `npm run lint`.
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

const name = (file) => relative(process.cwd(), file);
if (components.length === 0) {
  console.log(`import cycles: none among ${files.size} files under ${name(root)}/`);
  process.exit(0);
}
for (const component of components) {
  console.error(`import cycle of ${component.length} file(s): ${shortestLoop(component).map(name).join(' → ')}`);
  for (const file of component.sort()) console.error(`  ${name(file)}`);
}
console.error(`import cycles: ${components.length}`);
process.exit(1);
