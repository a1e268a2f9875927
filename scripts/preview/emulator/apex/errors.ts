// KeystoneErrorService's rules for the preview: which message a user sees for which failure, and the
// Keystone Error Log entry an unexpected one leaves for the admin (KeystoneErrorLogService).
import { randomBytes } from 'node:crypto';
import { DmlError, type OrgStore } from '../store';
import { ApexError, formatLabel, systemLabel, type ErrorLogEntry } from './apexError';

export const NO_ACCESS = systemLabel('Keystone_Error_No_Access');
export const DUPLICATE = systemLabel('Keystone_Error_Duplicate');
export const ROW_LOCKED = systemLabel('Keystone_Error_Row_Locked');
export const APPROVAL_LOCKED = systemLabel('Keystone_Error_Approval_Locked');
export const STORAGE_FULL = systemLabel('Keystone_Error_Storage_Full');
export const GONE = systemLabel('Keystone_Error_Gone');
export const UNEXPECTED = systemLabel('Keystone_Error_Unexpected');

// as KeystoneErrorService.READABLE_ROW_ERRORS: the platform's text is written for the person saving
const READABLE_ROW_ERRORS = new Set([
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'FIELD_FILTER_VALIDATION_EXCEPTION',
    'REQUIRED_FIELD_MISSING',
    'DUPLICATES_DETECTED',
    'STRING_TOO_LONG',
    'NUMBER_OUTSIDE_VALID_RANGE',
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    'INVALID_EMAIL_ADDRESS',
    'INVALID_TYPE_ON_FIELD_IN_RECORD'
]);
const NO_ACCESS_ROW_ERRORS = new Set([
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_FIELD_FOR_INSERT_UPDATE'
]);
const FIXED_ROW_MESSAGES: Record<string, string> = {
    DUPLICATE_VALUE: DUPLICATE,
    UNABLE_TO_LOCK_ROW: ROW_LOCKED,
    ENTITY_IS_LOCKED: APPROVAL_LOCKED,
    ENTITY_IS_DELETED: GONE,
    STORAGE_LIMIT_EXCEEDED: STORAGE_FULL
};

/** A new reference code, as KeystoneErrorLogService.newReference: KS- and ten hex digits. */
export function newReference(): string {
    return `KS-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** The readable message for one failed row, or null when Keystone does not know the failure. */
export function readableRowMessage(
    statusCode: string,
    message: string,
    fieldLabels: string[] = []
): string | null {
    if (statusCode === 'INVALID_FIELD_FOR_INSERT_UPDATE' && fieldLabels.length)
        return formatLabel(systemLabel('Keystone_Error_No_Field_Edit'), fieldLabels.join(', '));
    if (NO_ACCESS_ROW_ERRORS.has(statusCode)) return NO_ACCESS;
    if (Object.hasOwn(FIXED_ROW_MESSAGES, statusCode)) return FIXED_ROW_MESSAGES[statusCode]!;
    if (READABLE_ROW_ERRORS.has(statusCode) && message.trim()) return message;
    return null;
}

/**
 * The readable error for any failure inside a controller, as KeystoneErrorService.toAuraException: an
 * unexpected one carries a reference code and the log entry still to write (see recordErrorLog).
 */
export function toAuraError(error: unknown, location: string | null = null): ApexError {
    if (error instanceof ApexError) {
        if (error.logEntry && !error.logEntry.location) error.logEntry.location = location;
        return error;
    }
    if (error instanceof DmlError) {
        const readable = readableRowMessage(error.statusCode, error.message, error.fields);
        if (readable !== null) return new ApexError(readable);
        return unexpected(location, error.statusCode, error.message, error.stack ?? '');
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    return unexpected(location, failure.name, failure.message, failure.stack ?? '');
}

function unexpected(
    location: string | null,
    exceptionType: string,
    message: string,
    stackTrace: string
): ApexError {
    const reference = newReference();
    const userMessage = formatLabel(UNEXPECTED, reference);
    const aura = new ApexError(userMessage);
    aura.logEntry = { reference, location, exceptionType, message, stackTrace, userMessage };
    return aura;
}

/**
 * Writes an unexpected error's Keystone_Error_Log__c record, once; never throws (the user's message
 * matters more than the log). Returns the log record's Id, or null when there was nothing to write.
 */
export function recordErrorLog(org: OrgStore, error: ApexError): string | null {
    const entry: ErrorLogEntry | null = error.logEntry;
    if (!entry) return null;
    error.logEntry = null;
    try {
        return org.insert('Keystone_Error_Log__c', {
            Name: entry.reference,
            Reference__c: entry.reference,
            Occurred_At__c: new Date().toISOString(),
            User__c: org.currentUserId,
            Location__c: entry.location?.slice(0, 255) ?? null,
            Exception_Type__c: entry.exceptionType.slice(0, 255),
            Message__c: entry.message.slice(0, 32768),
            Stack_Trace__c: entry.stackTrace.slice(0, 32768),
            User_Message__c: entry.userMessage.slice(0, 1000)
        });
    } catch (failure) {
        console.error(`Keystone could not log ${entry.reference}:`, failure);
        return null;
    }
}
