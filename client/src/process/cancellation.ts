// Adapts a VS Code CancellationToken to the AbortSignal that the process runner understands.
import type * as vscode from 'vscode';

export interface TokenSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

export function abortSignalFromToken(token: vscode.CancellationToken): TokenSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
    return { signal: controller.signal, dispose: () => undefined };
  }
  const subscription = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => subscription.dispose() };
}
