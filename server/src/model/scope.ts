// Variable scopes that cost O(1) per ARG/ENV: every instruction sees a view of one append-only history.
import type { VariableDefinition, VariableScope } from './types';

/**
 * The definitions of one stage (or of the global scope) in order. Copying a Map at every
 * ARG/ENV would make a file with thousands of them quadratic; views into one history do not.
 */
export class ScopeHistory {
  private readonly byName = new Map<string, { readonly at: number[]; readonly definitions: VariableDefinition[] }>();
  private sequence = 0;

  /** Adds a definition and returns the sequence number a view must hold to see it. */
  define(definition: VariableDefinition): number {
    this.sequence++;
    let entry = this.byName.get(definition.name);
    if (!entry) {
      entry = { at: [], definitions: [] };
      this.byName.set(definition.name, entry);
    }
    entry.at.push(this.sequence);
    entry.definitions.push(definition);
    return this.sequence;
  }

  get current(): number {
    return this.sequence;
  }

  /** The last definition of `name` made at or before `sequence`, optionally only of one kind. */
  lookup(name: string, sequence: number, kind?: VariableDefinition['kind']): VariableDefinition | undefined {
    const entry = this.byName.get(name);
    if (!entry) {
      return undefined;
    }
    let low = 0;
    let high = entry.at.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (entry.at[mid] <= sequence) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    for (let i = found; i >= 0; i--) {
      if (!kind || entry.definitions[i].kind === kind) {
        return entry.definitions[i];
      }
    }
    return undefined;
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }
}

/** The read-only Map surface every scope offers; iteration builds the visible map on demand. */
abstract class ScopeBase implements VariableScope {
  abstract get(name: string): VariableDefinition | undefined;

  /** Every visible definition, by name. Only iteration needs it, never a lookup. */
  protected abstract materialize(): Map<string, VariableDefinition>;

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get size(): number {
    return this.materialize().size;
  }

  forEach(callback: (value: VariableDefinition, key: string, map: ReadonlyMap<string, VariableDefinition>) => void): void {
    this.materialize().forEach((value, key) => callback(value, key, this));
  }

  entries(): MapIterator<[string, VariableDefinition]> {
    return this.materialize().entries();
  }

  keys(): MapIterator<string> {
    return this.materialize().keys();
  }

  values(): MapIterator<VariableDefinition> {
    return this.materialize().values();
  }

  [Symbol.iterator](): MapIterator<[string, VariableDefinition]> {
    return this.entries();
  }
}

/** What one instruction sees: its stage's history up to a point, then the ENV it inherited. */
export class ScopeView extends ScopeBase {
  constructor(
    private readonly history: ScopeHistory,
    private readonly sequence: number,
    /** A parent stage's final scope, of which only ENV is inherited. */
    private readonly inherited?: ScopeView,
  ) {
    super();
  }

  get(name: string): VariableDefinition | undefined {
    return this.history.lookup(name, this.sequence) ?? this.inherited?.getEnv(name);
  }

  private getEnv(name: string): VariableDefinition | undefined {
    return this.history.lookup(name, this.sequence, 'env') ?? this.inherited?.getEnv(name);
  }

  protected materialize(): Map<string, VariableDefinition> {
    const result = new Map<string, VariableDefinition>();
    if (this.inherited) {
      for (const [name, definition] of this.inherited.materialize()) {
        if (definition.kind === 'env') {
          result.set(name, definition);
        }
      }
    }
    for (const name of this.history.names()) {
      const definition = this.history.lookup(name, this.sequence);
      if (definition) {
        result.set(name, definition);
      }
    }
    return result;
  }
}

/** A scope with a few local definitions on top, for code that simulates an instruction's own effect. */
export class OverlayScope extends ScopeBase {
  private readonly local = new Map<string, VariableDefinition>();

  constructor(private readonly base: VariableScope) {
    super();
  }

  set(name: string, definition: VariableDefinition): void {
    this.local.set(name, definition);
  }

  get(name: string): VariableDefinition | undefined {
    return this.local.get(name) ?? this.base.get(name);
  }

  protected materialize(): Map<string, VariableDefinition> {
    return new Map([...this.base, ...this.local]);
  }
}
