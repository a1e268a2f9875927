// Loud failures: a construct outside the supported subset never runs silently.
import * as path from 'node:path';

export class UnsupportedError extends Error {}

export function unsupported(construct: string, file: string, line: number): UnsupportedError {
    return new UnsupportedError(`unsupported: ${construct} at ${path.basename(file)}:${line}`);
}

/** Code the platform's compiler would refuse (an unknown field, a write to a formula field): never run. */
export class CompileError extends Error {
    constructor(message: string) {
        super(`would not compile: ${message}`);
    }
}
