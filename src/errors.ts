/**
 * An expected failure caused by the user's input or options (missing path, too few files, bad
 * option value). The CLI prints its message as one line and exits with `exitCode`; anything
 * else that is thrown is a bug: the CLI prints its stack and exits with 70.
 */
export class InputError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'InputError';
    this.exitCode = exitCode;
  }
}
