// RecordVersionService for the preview: an edit carries the LastModifiedDate the user saw and is
// refused, naming who changed the record and when, once the record has a later one.
import type { OrgStore, SObjectRecord } from '../store';
import { ApexError, invalidParameter, systemLabel } from './apexError';

export const CHANGED = systemLabel('Keystone_Error_Changed');
export const GONE = systemLabel('Keystone_Error_Gone');
export const NO_VERSION = systemLabel('Keystone_Error_No_Version');
const SOMEONE = systemLabel('Keystone_Error_Someone');

/** A Datetime argument as the platform reads it: an ISO date-time, or null. */
export function versionParam(value: unknown, name: string, type = 'Datetime'): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidParameter(name, type);
    return value;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Datetime.format() for an en_US user in UTC: 11/30/2026 3:58 PM. */
export function formatStamp(iso: string): string {
    const at = new Date(iso);
    const hours = at.getUTCHours();
    return `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()} ${hours % 12 || 12}:${pad(
        at.getUTCMinutes()
    )} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "Changed by <name> at <time>" for the record's last change. */
export function changedMessage(org: OrgStore, record: SObjectRecord): string {
    const editor = record.LastModifiedById ? org.get(String(record.LastModifiedById)) : undefined;
    const name = editor && typeof editor.Name === 'string' && editor.Name.trim() ? editor.Name : SOMEONE;
    return CHANGED.replace('{0}', name).replace('{1}', formatStamp(String(record.LastModifiedDate)));
}

/** Refuses the save when the record changed since the user saw `seen` (or is gone, or no version came). */
export function requireUnchanged(org: OrgStore, recordId: string, seen: string | null): SObjectRecord {
    if (seen === null) throw new ApexError(NO_VERSION);
    const current = org.get(recordId);
    if (!current) throw new ApexError(GONE);
    if (Date.parse(String(current.LastModifiedDate)) !== Date.parse(seen))
        throw new ApexError(changedMessage(org, current));
    return current;
}

/** The refusal for a record the user did not see (marked after their view loaded). */
export function appeared(org: OrgStore, recordId: string): ApexError {
    const current = org.get(recordId);
    return new ApexError(current ? changedMessage(org, current) : GONE);
}

/** The record's version after a save. */
export function versionOf(org: OrgStore, recordId: string): string | null {
    const current = org.get(recordId);
    return current ? String(current.LastModifiedDate) : null;
}
