// Asks which image to scan: the last build of this Dockerfile, a local image, or a typed name.
import * as vscode from 'vscode';
import { t } from '../../localize';
import { listLocalImages } from '../localImages';
import type { ScanSettings } from './scanSettings';

/** Where the build command records the tag it built, per Dockerfile URI (a shared workspaceState key). */
export const LAST_BUILT_IMAGES_KEY = 'dockerfileAdvisor.lastBuiltImages';
const LIST_IMAGES_TIMEOUT_MS = 15000;

interface ImageItem extends vscode.QuickPickItem {
  readonly reference?: string;
}

export async function pickImage(context: vscode.ExtensionContext, settings: ScanSettings, dockerfile: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const lastBuilt = dockerfile ? context.workspaceState.get<Record<string, string>>(LAST_BUILT_IMAGES_KEY, {})[dockerfile.toString()] : undefined;
  const picker = vscode.window.createQuickPick<ImageItem>();
  picker.title = t('Scan Image');
  picker.placeholder = t('Choose a local image or type an image name, e.g. app:1.0');
  picker.matchOnDescription = true;
  picker.busy = true;
  const fixedItems: ImageItem[] = lastBuilt
    ? [{ label: lastBuilt, reference: lastBuilt, description: t('last build of this Dockerfile'), iconPath: new vscode.ThemeIcon('history') }]
    : [];
  let localItems: ImageItem[] = [];
  const render = () => {
    const typed = picker.value.trim();
    const typedItem: ImageItem[] =
      typed && ![...fixedItems, ...localItems].some((item) => item.reference === typed)
        ? [{ label: typed, reference: typed, description: t('scan this image'), alwaysShow: true, iconPath: new vscode.ThemeIcon('edit') }]
        : [];
    const separator: ImageItem[] = localItems.length > 0 ? [{ label: t('Local images'), kind: vscode.QuickPickItemKind.Separator }] : [];
    picker.items = [...typedItem, ...fixedItems, ...separator, ...localItems];
  };
  const cancel = new AbortController();
  void listLocalImages({ dockerPath: settings.paths.docker, timeoutMs: LIST_IMAGES_TIMEOUT_MS, signal: cancel.signal, log: (line) => log.info(line) }).then((listed) => {
    picker.busy = false;
    if (listed.ok) {
      localItems = listed.images.map((image) => ({
        label: image.reference,
        reference: image.reference,
        description: [image.createdSince, image.size].filter(Boolean).join(' · '),
        iconPath: new vscode.ThemeIcon('package'),
      }));
    } else {
      picker.placeholder = listed.message;
    }
    render();
  });
  render();
  return new Promise<string | undefined>((resolve) => {
    picker.onDidChangeValue(render);
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]?.reference ?? (picker.value.trim() || undefined));
      picker.hide();
    });
    picker.onDidHide(() => {
      cancel.abort();
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}
