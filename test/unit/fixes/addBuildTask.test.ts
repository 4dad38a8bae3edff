// "Add a multi-platform build task": the JSONC update of tasks.json, on strings.
import { strict as assert } from 'assert';
import { applyEdits, parse } from 'jsonc-parser';
import { addTaskToTasksJson, TasksJsonError, type TaskToAdd, type TasksJsonUpdate } from '../../../client/src/tasks/tasksJson';

const folder = '/work/app';
const defaults = ['linux/amd64', 'linux/arm64'];
const task: TaskToAdd = {
  label: 'Build Dockerfile for linux/amd64, linux/arm64',
  definition: { type: 'buildx', dockerfile: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64'], output: 'image' },
  presentation: { group: 'build', problemMatcher: ['$dockerfile-advisor-buildkit'] },
};

function added(update: TasksJsonUpdate): { text: string; edits: readonly { offset: number; length: number; content: string }[] } {
  assert.equal(update.kind, 'added');
  return update as Extract<TasksJsonUpdate, { kind: 'added' }>;
}

const lenient = (text: string): { version?: string; tasks: Record<string, unknown>[] } => parse(text, [], { allowTrailingComma: true }) as never;

describe('tasks.json: add a multi-platform build task', () => {
  it('creates version 2.0.0 and the task in an absent file', () => {
    const { text } = added(addTaskToTasksJson(undefined, task, folder, defaults));
    const json = lenient(text);
    assert.equal(json.version, '2.0.0');
    assert.deepEqual(json.tasks, [{ label: task.label, ...task.definition, ...task.presentation }]);
    assert.ok(text.startsWith('{\n    "version": "2.0.0",\n    "tasks": [\n'), text);
    assert.ok(text.endsWith('}\n'));
  });

  it('fills an empty file, and keeps a file of only comments above the new content', () => {
    assert.deepEqual(lenient(added(addTaskToTasksJson('  \n', task, folder, defaults)).text).tasks.length, 1);
    const { text } = added(addTaskToTasksJson('// my tasks\n', task, folder, defaults));
    assert.ok(text.startsWith('// my tasks\n{\n'), text);
    assert.equal(lenient(text).tasks[0]['type'], 'buildx');
  });

  it('keeps comments, trailing commas, two-space indentation and other tasks; version stays first', () => {
    const before = [
      '{',
      '  // Tasks for this project',
      '  "tasks": [',
      '    {',
      '      "label": "test", // runs the tests',
      '      "type": "shell",',
      '      "command": "npm test",',
      '    },',
      '  ],',
      '}',
      '',
    ].join('\n');
    const update = added(addTaskToTasksJson(before, task, folder, defaults));
    assert.equal(applyEdits(before, [...update.edits]), update.text, 'the edits give the same text');
    assert.equal(update.edits.length, 1);
    const text = update.text;
    assert.ok(text.includes('  // Tasks for this project\n'), text);
    assert.ok(text.includes('"label": "test", // runs the tests'), text);
    assert.ok(text.startsWith('{\n  "version": "2.0.0",\n  // Tasks for this project\n'), text);
    assert.ok(text.includes('\n    {\n      "label": "Build Dockerfile for linux/amd64, linux/arm64",\n      "type": "buildx",\n'), text);
    const json = lenient(text);
    assert.deepEqual(json.tasks.map((t) => t['label']), ['test', task.label]);
    assert.deepEqual(json.tasks[1]['platforms'], ['linux/amd64', 'linux/arm64']);
  });

  it('writes with tabs and CRLF when the file does', () => {
    const before = '{\r\n\t"version": "2.0.0",\r\n\t"tasks": []\r\n}\r\n';
    const { text } = added(addTaskToTasksJson(before, task, folder, defaults));
    assert.ok(text.includes('\r\n\t\t{\r\n\t\t\t"label": '), JSON.stringify(text));
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
    assert.equal((text.match(/"version"/g) ?? []).length, 1);
  });

  it('never adds a second identical task: same type, same Dockerfile however written, same platforms in any order', () => {
    const existing = JSON.stringify({
      version: '2.0.0',
      tasks: [{ label: 'mine', type: 'buildx', dockerfile: '${workspaceFolder}/./Dockerfile', platforms: ['linux/arm64/v8', 'linux/amd64'] }],
    });
    assert.deepEqual(addTaskToTasksJson(existing, task, folder, defaults), { kind: 'exists', label: 'mine' });
    const noPlatforms = JSON.stringify({ version: '2.0.0', tasks: [{ type: 'buildx', dockerfile: 'Dockerfile' }] });
    assert.deepEqual(addTaskToTasksJson(noPlatforms, task, folder, defaults), { kind: 'exists', label: undefined }, 'no platforms means the setting’s');
  });

  it('adds a task for other platforms or another Dockerfile, under a label of its own', () => {
    const existing = JSON.stringify({
      version: '2.0.0',
      tasks: [{ label: task.label, type: 'buildx', dockerfile: 'Dockerfile', platforms: ['linux/amd64'] }, { label: 'x', type: 'shell', dockerfile: 'Dockerfile' }],
    }, null, 2);
    const json = lenient(added(addTaskToTasksJson(existing, task, folder, defaults)).text);
    assert.deepEqual(json.tasks.map((t) => t['label']), [task.label, 'x', `${task.label} (2)`]);
    const other = { ...task, definition: { ...task.definition, dockerfile: 'api/Dockerfile' } };
    assert.equal(addTaskToTasksJson(added(addTaskToTasksJson(existing, task, folder, defaults)).text, other, folder, defaults).kind, 'added');
  });

  it('refuses a malformed file with its line and column, and a file whose shape is wrong', () => {
    const broken = '{\n  "version": "2.0.0"\n  "tasks": []\n}\n';
    assert.throws(() => addTaskToTasksJson(broken, task, folder, defaults), (error: unknown) => {
      assert.ok(error instanceof TasksJsonError);
      assert.match(error.message, /not valid JSON \(line 3, column 3\)/);
      return true;
    });
    assert.throws(() => addTaskToTasksJson('[]', task, folder, defaults), /does not hold a JSON object/);
    assert.throws(() => addTaskToTasksJson('{ "tasks": {} }', task, folder, defaults), /"tasks" in tasks.json is not a list/);
    assert.throws(() => addTaskToTasksJson('/* unterminated', task, folder, defaults), TasksJsonError);
  });
});
