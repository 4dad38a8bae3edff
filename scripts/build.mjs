// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { bundleOptions } from './buildOptions.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = bundleOptions(production);

/** The server's entry loads the server itself from its own file, after turning on the compile cache. */
const serverCoreApart = {
  name: 'server-core-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/server-core\.js$/ }, () => ({ path: './server-core.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [serverCoreApart] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-core.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('watching for changes...');
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
