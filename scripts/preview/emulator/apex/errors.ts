// KeystoneErrorService's rules for the preview: which message a user sees for which failure.
import { DmlError } from '../store';
import { ApexError } from './apexError';

export const NO_ACCESS =
    'You do not have access to Keystone data here. Ask your Salesforce admin to assign you the Keystone User permission set.';

export const DUPLICATE = 'This already exists: it can be recorded only once, so nothing was saved.';

/** The readable error for any failure inside a controller, as KeystoneErrorService.toAuraException. */
export function toAuraError(error: unknown): ApexError {
    if (error instanceof ApexError) return error;
    if (error instanceof DmlError) {
        const noAccess = ['INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY'];
        if (noAccess.includes(error.statusCode)) return new ApexError(NO_ACCESS);
        if (error.statusCode === 'DUPLICATE_VALUE') return new ApexError(DUPLICATE);
        return new ApexError(error.message);
    }
    return new ApexError(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
}
