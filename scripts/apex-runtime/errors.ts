// Loud failures: a construct outside the supported subset never runs silently.
import * as path from 'node:path';

export class UnsupportedError extends Error {}

export function unsupported(construct: string, file: string, line: number): UnsupportedError {
    return new UnsupportedError(`unsupported: ${construct} at ${path.basename(file)}:${line}`);
}
