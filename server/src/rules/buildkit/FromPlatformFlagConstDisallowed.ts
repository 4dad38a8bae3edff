// BuildKit's FromPlatformFlagConstDisallowed: a constant --platform pins a stage to one platform in every build.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { offsetsOf, removeFlagEdit } from './support';

const operatingSystems = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1']);
const architectureAliases: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };
const platformPart = /^[A-Za-z0-9_.-]+$/;

export const FromPlatformFlagConstDisallowed: Rule = {
  id: 'FromPlatformFlagConstDisallowed',
  aliases: ['DL3029'],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('FROM --platform flag should not use a constant value'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      const value = flag?.value?.trim();
      if (!flag || !value || value.includes('$')) {
        continue;
      }
      const platform = parsePlatform(value);
      // A stage named after its platform (`build_arm64`) is one of several on purpose.
      if (!platform || (stage.name && (stage.name.includes(platform.os) || (platform.arch !== '' && stage.name.includes(platform.arch))))) {
        continue;
      }
      report({
        range: flag.range,
        message: l10n.t('FROM --platform flag should not use constant value {0}', JSON.stringify(value)),
        fixes: () => {
          const fixes = [];
          if (flag.valueRange) {
            const { start, end } = offsetsOf(model, flag.valueRange);
            fixes.push({
              title: l10n.t('Use $BUILDPLATFORM (the stage runs on the build machine)'),
              edits: [{ range: model.index.rangeOf(start, end), newText: '$BUILDPLATFORM' }],
            });
          }
          fixes.push({ title: l10n.t('Remove the --platform flag (the stage follows the target platform)'), edits: [removeFlagEdit(model, flag.range)] });
          return fixes;
        },
      });
    }
  },
};

/** `os[/arch[/variant]]` as containerd reads it; undefined when it is not a platform BuildKit could parse. */
function parsePlatform(value: string): { os: string; arch: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !platformPart.test(p))) {
    return undefined;
  }
  if (!operatingSystems.has(parts[0])) {
    // A lone architecture (`arm64`) means that architecture on the build machine's OS.
    return parts.length === 1 ? { os: 'linux', arch: architectureAliases[parts[0]] ?? parts[0] } : undefined;
  }
  const arch = parts[1] ?? '';
  return { os: parts[0], arch: architectureAliases[arch] ?? arch };
}
