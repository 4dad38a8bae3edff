// Builds argument arrays in which a value (an image tag, a path) can never be read as an option.

export class UnsafeArgumentError extends Error {
  constructor(readonly value: string, reason: string) {
    super(reason);
    this.name = 'UnsafeArgumentError';
  }
}

/**
 * An argument list for a tool. Options are fixed strings written by us; every value that
 * comes from a user, a file or a setting goes through `option(flag, value)` (joined as
 * `--flag=value`, one argument whatever the value holds) or `operand(value)`, which comes
 * after `endOfOptions()` (`--`) or is refused when it starts with `-`.
 */
export class ArgumentList {
  private readonly items: string[] = [];
  private optionsEnded = false;

  /** A flag or subcommand written by us, e.g. `image` or `--quiet`. */
  literal(...words: string[]): this {
    for (const word of words) {
      if (this.optionsEnded && word.startsWith('-')) {
        throw new UnsafeArgumentError(word, `The option ${word} comes after "--", where it would be read as an operand.`);
      }
      this.items.push(word);
    }
    return this;
  }

  /** `--flag=value`: the value stays one argument even if it starts with `-` or holds spaces. */
  option(flag: string, value: string): this {
    if (!/^--[A-Za-z0-9][A-Za-z0-9-]*$/.test(flag)) {
      throw new UnsafeArgumentError(flag, `"${flag}" is not a long option name.`);
    }
    if (this.optionsEnded) {
      throw new UnsafeArgumentError(flag, `The option ${flag} comes after "--", where it would be read as an operand.`);
    }
    checkNoNul(value);
    this.items.push(`${flag}=${value}`);
    return this;
  }

  /** `--`: for tools that support it, everything after is an operand. */
  endOfOptions(): this {
    if (!this.optionsEnded) {
      this.items.push('--');
      this.optionsEnded = true;
    }
    return this;
  }

  /** A value taken as it is (image reference, path); refused if it could be read as an option. */
  operand(value: string): this {
    checkNoNul(value);
    if (!this.optionsEnded && value.startsWith('-')) {
      throw new UnsafeArgumentError(value, `"${value}" starts with "-" and would be read as an option.`);
    }
    this.items.push(value);
    return this;
  }

  toArray(): string[] {
    return [...this.items];
  }
}

function checkNoNul(value: string): void {
  // A NUL byte cannot cross exec; refusing it here gives a clear error instead of a crash in spawn.
  if (value.includes('\0')) {
    throw new UnsafeArgumentError(value, 'The value contains a NUL character.');
  }
}
