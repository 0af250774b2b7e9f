import { join } from 'node:path';
import { describeCycle, folderCycles, folderGraph, readTree, topFolder, type SourceText } from './folder-graph';

/**
 * No two folders import each other, however long the circle: a feature folder's dependencies go one way, so each
 * can be read, tested and changed from the bottom up, and a Nest module's imports say what it really uses.
 */
describe('folder dependencies', () => {
  const root = join(__dirname, '../..');
  const cyclesIn = (files: SourceText[], folderOf?: (path: string) => string) => {
    const graph = folderGraph(files, folderOf);
    return folderCycles(graph).map((cycle) => describeCycle(graph, cycle));
  };

  it('has no cycle between the top-level folders of the API', () => {
    expect(cyclesIn(readTree(join(root, 'apps/api/src')))).toEqual([]);
  });

  it('has no cycle between the web app folders, each feature counted as a folder of its own', () => {
    const webFolder = (path: string) => (path.startsWith('features/') ? path.split('/').slice(0, 2).join('/') : topFolder(path));
    expect(cyclesIn(readTree(join(root, 'apps/web/src')), webFolder)).toEqual([]);
  });

  it('finds a circle of three folders, naming each import in it', () => {
    const files = [
      { path: 'sessions/sessions.service.ts', text: "import { AssessmentsService } from '../assessments/assessments.service';\n" },
      { path: 'assessments/assessments.service.ts', text: "import { AttemptsService } from '../attempts/attempts.service';\n" },
      { path: 'attempts/attempts.service.ts', text: "import type { Session } from '../sessions/sessions.service';\n" },
      { path: 'common/clock.ts', text: '' },
      { path: 'attempts/clock-user.ts', text: "import { Clock } from '../common/clock';\n" },
    ];
    const graph = folderGraph(files);
    expect(folderCycles(graph)).toEqual([['assessments', 'attempts', 'sessions']]);
    expect(describeCycle(graph, ['assessments', 'attempts', 'sessions'])).toContain(
      'attempts → sessions: attempts/attempts.service.ts → ../sessions/sessions.service',
    );
  });

  it('finds a cycle added to the real API: attempts reaching back into the phone controller it serves', () => {
    const files = [
      ...readTree(join(root, 'apps/api/src')),
      { path: 'attempts/leak.ts', text: "export { TraineeService } from '../trainee/trainee.service';\n" },
    ];
    const cycles = cyclesIn(files);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/^folders importing each other: .*attempts.*trainee/);
    expect(cycles[0]).toContain('attempts → trainee: attempts/leak.ts → ../trainee/trainee.service');
  });

  it('counts an import of the composition root from a feature, and one from a file at the root into a feature', () => {
    const files = [
      { path: 'app.module.ts', text: "import { OrganizationsModule } from './organizations/organizations.module';\n" },
      { path: 'organizations/organizations.module.ts', text: '' },
      { path: 'organizations/org-create.ts', text: "import { AppModule } from '../app.module';\n" },
    ];
    expect(folderCycles(folderGraph(files))).toEqual([['.', 'organizations']]);
  });
});
