// Errors as an @AuraEnabled method delivers them to a component: an AuraHandledException's message,
// or the platform's own message when an argument cannot be read as the parameter's type.
import { readLabels } from '../../../lib/labels';
import { FORCE_APP } from '../../../lib/project';

/** What KeystoneErrorLogService writes for an unexpected error: the Keystone_Error_Log__c fields. */
export interface ErrorLogEntry {
    reference: string;
    location: string | null;
    exceptionType: string;
    message: string;
    stackTrace: string;
    userMessage: string;
}

export class ApexError extends Error {
    /** Set on an unexpected error until the log entry is written, so it is written once. */
    logEntry: ErrorLogEntry | null = null;

    constructor(
        message: string,
        readonly exceptionType: string = 'System.AuraHandledException'
    ) {
        super(message);
        this.name = 'ApexError';
    }
}

let labels: Record<string, string> | null = null;

/** A custom label's text, as Apex reads System.Label.<name>: the same file the org deploys. */
export function systemLabel(name: string): string {
    labels ??= readLabels(FORCE_APP);
    const value = labels[name];
    if (value === undefined)
        throw new Error(`custom label ${name} does not exist in force-app/main/default/labels`);
    return value;
}

/** String.format as Apex applies it to a label: {0}, {1}… replaced by the values. */
export function formatLabel(template: string, ...values: string[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

/** The message the platform gives for an argument of the wrong type. */
export function invalidParameter(name: string, type: string): ApexError {
    return new ApexError(
        `Value provided is invalid for action parameter '${name}' of type '${type}'`,
        'System.TypeException'
    );
}
