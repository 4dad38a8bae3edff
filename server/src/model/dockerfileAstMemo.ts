// Makes dockerfile-ast scan each instruction's arguments once, and parse a document version once for our model and dockerfile-utils.
import { Argument, DockerfileParser, From, Instruction, type Dockerfile } from 'dockerfile-ast';

type RawArguments = (this: Instruction) => Argument[];
// `getRawArguments` is private in the package's types; it is the method every argument getter calls.
const instructionPrototype = Instruction.prototype as unknown as { getRawArguments: RawArguments };
const originals = { getRawArguments: instructionPrototype.getRawArguments, parse: DockerfileParser.parse.bind(DockerfileParser) };

/**
 * dockerfile-ast (0.7) rebuilds an instruction's argument list, scanning its text and
 * creating new positions, on every `getArguments()`; its own constructors and getters
 * (flags, JSON form, heredocs, ranges) and dockerfile-utils' checks call it many times per
 * instruction. In the profile of an edit in a 5,000-instruction file this was 31% of the
 * time. The result depends only on fields set when the instruction is made and never
 * changed, so it is kept per instance. Each caller gets a new array, because
 * `ModifiableInstruction.getArguments` removes the flags from the one it receives, and
 * FROM's callers get new arguments with new positions too, because `From` moves the ends of
 * its image's range in place. Nothing else in the three packages changes an argument (the
 * corpus test in test/unit/model/dockerfileAstMemo.test.ts compares every result). The
 * scan lives as long as its instruction, which for a long file's unchanged stages is several
 * versions (parsePieces.ts).
 */
const argumentsOf = new WeakMap<Instruction, Argument[]>();

function getRawArgumentsOnce(this: Instruction): Argument[] {
  let args = argumentsOf.get(this);
  if (args === undefined) {
    args = originals.getRawArguments.call(this);
    argumentsOf.set(this, args);
  }
  if (!(this instanceof From)) {
    return args.slice();
  }
  // `From` moves the ends of its first argument's range to cut out the registry, tag and digest.
  return args.map((arg) => {
    const { start, end } = arg.getRange();
    return new Argument(arg.getValue(), { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
  });
}

/**
 * Our model and dockerfile-utils' validation both parse the same text. `lendParse` hands
 * the model's tree to the parses made inside `use`, so a version is parsed once for both.
 * It is lent only for that call, not cached for everyone: the base service's features
 * change the trees they are given (the semantic tokens move comment and variable ranges,
 * which then changed the folding ranges computed from the same tree), so each of them keeps
 * parsing its own. dockerfile-utils only reads the tree; the test in
 * test/unit/model/dockerfileAstMemo.test.ts checks every corpus file gets the same results.
 */
let lent: { readonly text: string; readonly dockerfile: Dockerfile } | undefined;

function parseOrBorrow(content: string): Dockerfile {
  return lent !== undefined && lent.text === content ? lent.dockerfile : originals.parse(content);
}

export function lendParse<T>(text: string, dockerfile: Dockerfile | undefined, use: () => T): T {
  if (dockerfile === undefined) {
    return use();
  }
  lent = { text, dockerfile };
  try {
    return use();
  } finally {
    lent = undefined;
  }
}

/** A fresh scan by the package's own method, for tests that compare against it. */
export function computeRawArgumentsForTest(instruction: Instruction): Argument[] {
  return originals.getRawArguments.call(instruction);
}

export function installDockerfileAstMemo(): void {
  instructionPrototype.getRawArguments = getRawArgumentsOnce;
  DockerfileParser.parse = parseOrBorrow;
}

/** Puts the package's own methods back (for the test that compares results with and without the memo). */
export function uninstallDockerfileAstMemo(): void {
  instructionPrototype.getRawArguments = originals.getRawArguments;
  DockerfileParser.parse = originals.parse;
}
