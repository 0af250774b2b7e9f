import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** A source file by its path under the tree's root (with `/`), and its text. */
export interface SourceText {
  path: string;
  text: string;
}

/** One folder importing another: every import that makes the edge, as `file → specifier`. */
export type FolderGraph = Map<string, Map<string, string[]>>;

/** The folder a file belongs to: its first path segment, `.` for the files at the root (the composition root). */
export const topFolder = (path: string): string => (path.includes('/') ? path.split('/')[0] : '.');

/** The `.ts`/`.tsx` files under `dir` (tests left out: they may reach anywhere), read for `folderGraph`. */
export function readTree(dir: string): SourceText[] {
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(at, entry.name)) : /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [join(at, entry.name)] : [],
    );
  return walk(dir).map((file) => ({ path: relative(dir, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));
}

/**
 * Which folder imports which, read by the TypeScript compiler's own import scanner (static, dynamic and type-only
 * imports alike: a type is a dependency too). Only relative imports are followed; packages are not folders here.
 */
export function folderGraph(files: readonly SourceText[], folderOf: (path: string) => string = topFolder): FolderGraph {
  const known = new Set(files.map((f) => f.path));
  const resolve = (from: string, specifier: string): string | null => {
    const base = posix.normalize(posix.join(posix.dirname(from), specifier));
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
      if (known.has(candidate)) return candidate;
    }
    return null;
  };
  const graph: FolderGraph = new Map();
  for (const file of files) {
    const from = folderOf(file.path);
    for (const { fileName } of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (!fileName.startsWith('./') && !fileName.startsWith('../')) continue;
      const target = resolve(file.path, fileName);
      if (!target) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${file.path} → ${fileName}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** The folders that import each other in a circle: each strongly connected group of two or more (Tarjan). */
export function folderCycles(graph: FolderGraph): string[][] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A cycle as a reader fixes it: every import from one folder of the group to another. */
export function describeCycle(graph: FolderGraph, cycle: readonly string[]): string {
  const lines = [`folders importing each other: ${cycle.join(', ')}`];
  for (const from of cycle) {
    for (const [to, imports] of graph.get(from) ?? []) {
      if (cycle.includes(to)) lines.push(`  ${from} → ${to}: ${imports.join('; ')}`);
    }
  }
  return lines.join('\n');
}
