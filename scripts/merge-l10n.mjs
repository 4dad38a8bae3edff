// Merges Spanish string fragments (JSON objects keyed by the English text) into l10n/bundle.l10n.es.json.
// Usage: node scripts/merge-l10n.mjs fragment.json [...]
import { readFileSync, writeFileSync } from 'node:fs';

const bundlePath = new URL('../l10n/bundle.l10n.es.json', import.meta.url);
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
let added = 0;
for (const file of process.argv.slice(2)) {
  const fragment = JSON.parse(readFileSync(file, 'utf8'));
  for (const [english, spanish] of Object.entries(fragment)) {
    if (bundle[english] !== spanish) {
      added++;
    }
    bundle[english] = spanish;
  }
}
writeFileSync(bundlePath, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`${added} strings added or changed; ${Object.keys(bundle).length} in the bundle.`);
