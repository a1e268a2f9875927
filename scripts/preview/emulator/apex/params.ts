// Reads @AuraEnabled arguments the way the platform deserializes them: Ids, Dates, Decimals and
// Strings, null allowed, anything else refused with the platform's message.
import { isValidId } from '../ids';
import type { OrgStore, SObjectRecord } from '../store';
import { ApexError, invalidParameter } from './apexError';

export function idParam(args: Record<string, unknown>, name: string): string | null {
    const value = args[name];
    if (value === null || value === undefined || value === '') return null;
    if (!isValidId(value)) throw invalidParameter(name, 'Id');
    return value;
}

export function objectParam(
    args: Record<string, unknown>,
    name: string,
    type: string
): Record<string, unknown> | null {
    const value = args[name];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParameter(name, type);
    return value as Record<string, unknown>;
}

export function dateValue(value: unknown, name: string, type: string): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw invalidParameter(name, type);
    }
    return value;
}

export function decimalValue(value: unknown, name: string, type: string): number | null {
    if (value === null || value === undefined || value === '') return null;
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) throw invalidParameter(name, type);
    return number;
}

export function stringValue(value: unknown, name: string, type: string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw invalidParameter(name, type);
    return value;
}

/** The account a view is for (given the account or one of its plans), as AccountAccessService.requireAccount answers. */
export function requireAccount(org: OrgStore, accountId: string | null, openMessage: string): SObjectRecord {
    if (!accountId) throw new ApexError(openMessage);
    // a view on an Account Plan page passes the plan: its account is the account
    const record = org.get(accountId);
    const account =
        record?.attributes.type === 'Account_Plan__c' ? org.get(String(record.Account__c)) : record;
    if (!account || account.attributes.type !== 'Account') {
        throw new ApexError('This account does not exist or you do not have access to it.');
    }
    return account;
}
