// `COPY --from=biuld`: a misspelt stage name is pulled as an image from Docker Hub instead, and the build fails far from the typo.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { stageLabel } from '../../model/stageImage';
import type { DockerfileModel, Stage, StageEdge } from '../../model/types';

/** Edit distance between two names, ignoring case as BuildKit does for stage names. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** A name BuildKit accepts for a stage (lower-cased first, as it does): any other fails the build at its FROM. */
const validStageName = /^[a-z][a-z0-9-_.]*$/;

/** The stage whose name is nearest to `reference`, when near enough to be a typo rather than an image name; stages with invalid names are no candidates. */
export function closestStage(stages: readonly Stage[], reference: string): Stage | undefined {
  let best: Stage | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const stage of stages) {
    if (!stage.name || !validStageName.test(stage.name.toLowerCase())) {
      continue;
    }
    const distance = editDistance(stage.name, reference);
    if (distance < bestDistance) {
      best = stage;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(reference.length / 3));
  return best && bestDistance > 0 && bestDistance <= allowed ? best : undefined;
}

/** The `--from` value exactly as written (before ARG expansion). */
export function writtenReference(model: DockerfileModel, edge: StageEdge): string {
  return model.text.slice(model.index.offsetAt(edge.referenceRange.start), model.index.offsetAt(edge.referenceRange.end));
}

export const CopyFromUnknownStage: Rule = {
  id: 'CopyFromUnknownStage',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('COPY --from or RUN --mount=from= names a stage that does not exist'),
  check({ model, report }) {
    for (const edge of model.stageEdges) {
      if (edge.kind === 'from' || edge.from || writtenReference(model, edge).includes('$')) {
        continue;
      }
      const reference = edge.reference;
      if (/^\d+$/.test(reference)) {
        const index = Number(reference);
        if (index > edge.to.index) {
          report({
            range: edge.referenceRange,
            message: l10n.t('There is no stage {0} before this one: --from takes the index of an earlier stage (0 is the first).', reference),
          });
        }
        continue;
      }
      // Anything else BuildKit pulls as an image (`nginx:latest`, `ghcr.io/x/y`); only a near-miss of a stage name is a typo.
      if (/[/:.@]/.test(reference) || model.stages.some((stage) => stage.name?.toLowerCase() === reference.toLowerCase())) {
        continue;
      }
      const closest = closestStage(model.stages.filter((stage) => stage !== edge.to), reference);
      if (!closest?.name) {
        continue;
      }
      const name = closest.name;
      report({
        range: edge.referenceRange,
        message: l10n.t("There is no stage named '{0}'; BuildKit would pull it as an image. Did you mean '{1}'?", reference, name),
        related: closest.nameRange ? [{ range: closest.nameRange, message: l10n.t("Stage '{0}' is defined here", stageLabel(closest)) }] : [],
        fixes: () => [{ title: l10n.t("Change to '{0}'", name), edits: [{ range: edge.referenceRange, newText: name }], isPreferred: true }],
      });
    }
  },
};
