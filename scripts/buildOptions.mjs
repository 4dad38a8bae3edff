// The esbuild options of the shipped bundles, shared by the build and the benchmark (which measures the code as it ships).

/** Options for every bundle; `production` minifies and drops source maps, as `npm run package` does. */
export function bundleOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    external: ['vscode'],
    // Prefer ES module entry points: jsonc-parser's UMD main build requires files esbuild cannot see.
    mainFields: ['module', 'main'],
  };
}
