// Approval processes in the org ("Approval Class", "Apex Approval Processing Example", Object Reference
// ProcessInstance…): submitting a record to force-app's single-step processes, approving, rejecting and
// recalling it, the ProcessInstance/Step/Workitem/History rows that record it, the field updates the
// process runs (system context: no FLS, no sharing, no custom validation rules, before and after update
// triggers once — "Triggers and Order of Execution") and the record locks ("Approval Process
// Considerations": a locked record is edited only by admins and, per the process, the current approver).
import { evaluateFormula, type FormulaValue } from '../../preview/emulator/formula';
import type { OrgStore, SObjectRecord } from '../../preview/emulator/store';
import { UnsupportedError } from '../errors';
import { ApexSObject } from '../values';
import {
    loadApprovalProcesses,
    loadFieldUpdates,
    type ActionRef,
    type ApprovalProcessDef,
    type FieldUpdateDef
} from './approvalDefs';
import type { ApexOrg } from './apexOrg';
import { runDml, type RowError, type TriggerHost } from './dml';

/** A request's failure with the platform's status code (the caller rolls the request back). */
export class ApprovalError extends Error {
    constructor(
        readonly statusCode: string,
        message: string
    ) {
        super(message);
    }
}

export interface SubmitRequest {
    kind: 'submit';
    objectId: string | null;
    comments: string | null;
    submitterId: string | null;
    processName: string | null;
    skipEntryCriteria: boolean;
    nextApproverIds: string[] | null;
}

export interface WorkitemRequest {
    kind: 'workitem';
    workitemId: string | null;
    action: string | null;
    comments: string | null;
    nextApproverIds: string[] | null;
}

export type ApprovalRequest = SubmitRequest | WorkitemRequest;

/** What Approval.ProcessResult reports for a request that went through. */
export interface ProcessOutcome {
    entityId: string;
    instanceId: string;
    instanceStatus: string;
    newWorkitemIds: string[];
    actorIds: string[];
}

// messages as the platform gives them (DmlException: "Process failed. … first error: CODE, message: []")
export const MESSAGES = {
    alreadyInProcess: 'Cannot submit object already in process.',
    noProcess: 'No applicable approval process was found.',
    locked: 'the entity is locked for editing',
    noAccess: 'insufficient access rights on object id',
    badReference: 'invalid cross reference id',
    deleted: 'entity is deleted'
};

/** The objects the engines write; DML on them is not supported here. */
export const ENGINE_OBJECTS = new Set(
    [
        'ProcessDefinition',
        'ProcessInstance',
        'ProcessInstanceStep',
        'ProcessInstanceWorkitem',
        'ProcessInstanceHistory',
        'CronTrigger',
        'CronJobDetail',
        'AsyncApexJob'
    ].map((name) => name.toLowerCase())
);

/** The approval objects, whose rows a user sees when they see the record in the process. */
export const APPROVAL_OBJECTS = new Set(
    ['ProcessInstance', 'ProcessInstanceStep', 'ProcessInstanceWorkitem', 'ProcessInstanceHistory'].map(
        (name) => name.toLowerCase()
    )
);

const key = (id: string): string => id.slice(0, 15);
const nowIso = (): string => new Date().toISOString();

/** Writes an engine row as it is (a new object each time: snapshots share the old one). */
function put(store: OrgStore, object: string, row: Record<string, unknown>): string {
    const id = (row.Id as string | undefined) ?? store.ids.next(object);
    if (store.get(id)) store.delete(id);
    store.undelete({ ...row, Id: id, attributes: { type: object } } as SObjectRecord);
    return id;
}

export class ApprovalEngine {
    readonly processes: ApprovalProcessDef[];
    readonly fieldUpdates: Map<string, FieldUpdateDef>;
    /** locked record Ids (15 characters); saved and restored with the store by ApexOrg */
    locks = new Set<string>();
    private readonly definitionIds = new Map<string, string>();

    constructor(
        private readonly store: OrgStore,
        forceApp: string | null
    ) {
        this.processes = forceApp ? loadApprovalProcesses(forceApp) : [];
        this.fieldUpdates = forceApp ? loadFieldUpdates(forceApp) : new Map();
        for (const process of this.processes) {
            // a store another ApexOrg already seeded keeps its definitions
            const seeded = store.all('ProcessDefinition').find((row) => row.DeveloperName === process.name);
            const id =
                seeded?.Id ??
                put(store, 'ProcessDefinition', {
                    Name: process.label,
                    DeveloperName: process.name,
                    Description: process.description,
                    Type: 'Approval',
                    TableEnumOrId: process.object,
                    State: process.active ? 'Active' : 'Inactive',
                    LockType: process.recordEditability === 'AdminOrCurrentApprover' ? 'Workitem' : 'Admin',
                    CreatedDate: nowIso()
                });
            this.definitionIds.set(process.name, id);
        }
    }

    /** Adds a process (tests); its field updates go with it. */
    addProcess(process: ApprovalProcessDef, updates: FieldUpdateDef[] = []): void {
        this.processes.push(process);
        for (const update of updates)
            this.fieldUpdates.set(`${update.object}.${update.name}`.toLowerCase(), update);
        this.definitionIds.set(
            process.name,
            put(this.store, 'ProcessDefinition', {
                Name: process.label,
                DeveloperName: process.name,
                Description: process.description,
                Type: 'Approval',
                TableEnumOrId: process.object,
                State: process.active ? 'Active' : 'Inactive',
                LockType: process.recordEditability === 'AdminOrCurrentApprover' ? 'Workitem' : 'Admin',
                CreatedDate: nowIso()
            })
        );
    }

    isLocked(id: string): boolean {
        return this.locks.has(key(id));
    }

    lock(id: string): void {
        this.locks.add(key(id));
    }

    unlock(id: string): void {
        this.locks.delete(key(id));
    }

    /** The record's pending ProcessInstance, if any. */
    pendingInstance(recordId: string): SObjectRecord | undefined {
        return this.store
            .all('ProcessInstance')
            .find((row) => key(String(row.TargetObjectId)) === key(recordId) && row.Status === 'Pending');
    }

    private processOf(instance: SObjectRecord): ApprovalProcessDef {
        const name = [...this.definitionIds].find(([, id]) => id === instance.ProcessDefinitionId)?.[0];
        const process = this.processes.find((each) => each.name === name);
        if (!process) throw new Error(`no approval process ${String(instance.ProcessDefinitionId)}`);
        return process;
    }

    /**
     * May `userId` update or delete the locked record? Admins (Modify All Data) may; with the process's
     * record editability "AdminOrCurrentApprover" the current approver may too ("Approval Class").
     */
    mayEditLocked(org: ApexOrg, userId: string, recordId: string): boolean {
        if (org.access.rights(userId).modifyAllData) return true;
        const instance = this.pendingInstance(recordId);
        if (!instance || this.processOf(instance).recordEditability !== 'AdminOrCurrentApprover')
            return false;
        return this.store
            .all('ProcessInstanceWorkitem')
            .some((row) => row.ProcessInstanceId === instance.Id && key(String(row.ActorId)) === key(userId));
    }

    /** Runs one request as the running user; a failure throws ApprovalError (the caller rolls back). */
    process(org: ApexOrg, host: TriggerHost, request: ApprovalRequest): ProcessOutcome {
        return request.kind === 'submit' ? this.submit(org, host, request) : this.act(org, host, request);
    }

    private submit(org: ApexOrg, host: TriggerHost, request: SubmitRequest): ProcessOutcome {
        const record = request.objectId ? this.store.get(request.objectId) : undefined;
        if (!record) throw new ApprovalError('INVALID_CROSS_REFERENCE_KEY', MESSAGES.badReference);
        if (this.pendingInstance(record.Id))
            throw new ApprovalError('ALREADY_IN_PROCESS', MESSAGES.alreadyInProcess);
        const submitterId = request.submitterId ?? org.runningUserId;
        const submitter = this.store.get(submitterId);
        if (!submitter || submitter.attributes.type !== 'User')
            throw new ApprovalError('INVALID_CROSS_REFERENCE_KEY', MESSAGES.badReference);
        const object = record.attributes.type;
        const wanted = request.processName;
        const candidates = this.processes.filter(
            (process) =>
                process.active &&
                process.object.toLowerCase() === object.toLowerCase() &&
                (!wanted ||
                    process.name === wanted ||
                    key(this.definitionIds.get(process.name) ?? '') === key(wanted))
        );
        const process = candidates.find(
            (candidate) =>
                this.mustRun(candidate) &&
                this.maySubmit(candidate, record, submitter) &&
                (request.skipEntryCriteria || this.entersProcess(org, candidate, record))
        );
        if (!process) throw new ApprovalError('NO_APPLICABLE_PROCESS', MESSAGES.noProcess);
        const approverId = this.approverOf(process, record, request.nextApproverIds);
        const now = nowIso();
        const runningUser = org.runningUserId;
        const instanceId = put(this.store, 'ProcessInstance', {
            ProcessDefinitionId: this.definitionIds.get(process.name),
            TargetObjectId: record.Id,
            Status: 'Pending',
            SubmittedById: submitterId,
            LastActorId: submitterId,
            CompletedDate: null,
            CreatedDate: now,
            CreatedById: runningUser,
            LastModifiedDate: now,
            LastModifiedById: runningUser
        });
        this.addStep(instanceId, record.Id, 'Started', submitterId, submitterId, request.comments, now);
        const workitemId = put(this.store, 'ProcessInstanceWorkitem', {
            ProcessInstanceId: instanceId,
            ActorId: approverId,
            OriginalActorId: approverId,
            CreatedDate: now,
            CreatedById: runningUser
        });
        put(this.store, 'ProcessInstanceHistory', {
            ProcessInstanceId: instanceId,
            TargetObjectId: record.Id,
            ActorId: approverId,
            OriginalActorId: approverId,
            StepStatus: 'Pending',
            Comments: null,
            IsPending: true,
            CreatedDate: now,
            CreatedById: runningUser
        });
        this.applyActions(org, host, process, record.Id, process.initialSubmissionActions);
        // a record in an approval process is locked while it is pending ("Approval Process Considerations")
        this.lock(record.Id);
        return {
            entityId: record.Id,
            instanceId,
            instanceStatus: 'Pending',
            newWorkitemIds: [workitemId],
            actorIds: [approverId]
        };
    }

    private act(org: ApexOrg, host: TriggerHost, request: WorkitemRequest): ProcessOutcome {
        const workitem = request.workitemId ? this.store.get(request.workitemId) : undefined;
        if (!workitem || workitem.attributes.type !== 'ProcessInstanceWorkitem')
            throw new ApprovalError('INVALID_CROSS_REFERENCE_KEY', MESSAGES.badReference);
        const instance = this.store.get(String(workitem.ProcessInstanceId))!;
        const process = this.processOf(instance);
        this.mustRun(process);
        const userId = org.runningUserId;
        const admin = org.access.rights(userId).modifyAllData;
        const action = request.action;
        if (action !== 'Approve' && action !== 'Reject' && action !== 'Removed')
            throw new ApprovalError('INVALID_OPERATION', `invalid action: ${String(action)}`);
        if (action === 'Removed') {
            // the submitter recalls when the process allows it; an admin may always remove a request
            const submitter = key(String(instance.SubmittedById)) === key(userId);
            if (!admin && !(submitter && process.allowRecall))
                throw new ApprovalError('INSUFFICIENT_ACCESS_OR_READONLY', MESSAGES.noAccess);
        } else if (!admin && key(String(workitem.ActorId)) !== key(userId))
            throw new ApprovalError('INSUFFICIENT_ACCESS_OR_READONLY', MESSAGES.noAccess);
        if (request.nextApproverIds?.length)
            throw new UnsupportedError(
                'unsupported: setNextApproverIds when approving the last step of a single-step process'
            );
        const status = action === 'Approve' ? 'Approved' : action === 'Reject' ? 'Rejected' : 'Removed';
        const now = nowIso();
        const targetId = String(instance.TargetObjectId);
        this.store.delete(workitem.Id);
        // a single-step instance has one pending history row: the workitem's
        const pendingRow = this.store
            .all('ProcessInstanceHistory')
            .find((row) => row.ProcessInstanceId === instance.Id && row.IsPending === true);
        if (pendingRow) this.store.delete(pendingRow.Id);
        this.addStep(
            instance.Id,
            targetId,
            status,
            userId,
            String(workitem.OriginalActorId),
            request.comments,
            now
        );
        put(this.store, 'ProcessInstance', {
            ...instance,
            Status: status,
            CompletedDate: now,
            LastActorId: userId,
            LastModifiedDate: now,
            LastModifiedById: userId
        });
        const actions =
            status === 'Approved'
                ? process.finalApprovalActions
                : status === 'Rejected'
                  ? process.finalRejectionActions
                  : process.recallActions;
        this.applyActions(org, host, process, targetId, actions);
        const locked =
            status === 'Approved'
                ? process.finalApprovalRecordLock
                : status === 'Rejected'
                  ? process.finalRejectionRecordLock
                  : false;
        if (locked) this.lock(targetId);
        else this.unlock(targetId);
        return {
            entityId: targetId,
            instanceId: instance.Id,
            instanceStatus: status,
            newWorkitemIds: [],
            actorIds: []
        };
    }

    private addStep(
        instanceId: string,
        targetId: string,
        status: string,
        actorId: string,
        originalActorId: string,
        comments: string | null,
        now: string
    ): void {
        put(this.store, 'ProcessInstanceStep', {
            ProcessInstanceId: instanceId,
            StepStatus: status,
            ActorId: actorId,
            OriginalActorId: originalActorId,
            Comments: comments,
            StepNodeId: null,
            CreatedDate: now,
            CreatedById: actorId
        });
        put(this.store, 'ProcessInstanceHistory', {
            ProcessInstanceId: instanceId,
            TargetObjectId: targetId,
            StepStatus: status,
            ActorId: actorId,
            OriginalActorId: originalActorId,
            Comments: comments,
            IsPending: false,
            CreatedDate: now,
            CreatedById: actorId
        });
    }

    /** A process this runtime cannot run fails loudly instead of running part of it. */
    private mustRun(process: ApprovalProcessDef): true {
        if (process.unsupported.length)
            throw new UnsupportedError(
                `unsupported: approval process ${process.name}: ${process.unsupported.join(', ')}`
            );
        return true;
    }

    private maySubmit(process: ApprovalProcessDef, record: SObjectRecord, submitter: SObjectRecord): boolean {
        return process.allowedSubmitters.some((allowed) => {
            switch (allowed.type) {
                case 'creator':
                    return (
                        typeof record.CreatedById === 'string' &&
                        key(record.CreatedById) === key(submitter.Id)
                    );
                case 'owner':
                    return typeof record.OwnerId === 'string' && key(record.OwnerId) === key(submitter.Id);
                case 'user':
                    return (
                        String(submitter.Username ?? '').toLowerCase() ===
                        String(allowed.submitter ?? '').toLowerCase()
                    );
                case 'allInternalUsers':
                    return true;
                default:
                    throw new UnsupportedError(
                        `unsupported: approval process submitter type ${allowed.type}`
                    );
            }
        });
    }

    /** The entry criteria formula over the record, with `$User` the running user. */
    private entersProcess(org: ApexOrg, process: ApprovalProcessDef, record: SObjectRecord): boolean {
        if (!process.entryFormula) return true;
        return evaluateFormula(process.entryFormula, this.formulaContext(org, record)) === true;
    }

    private formulaContext(org: ApexOrg, record: SObjectRecord) {
        const user = org.runningUser();
        return {
            field: (path: string): FormulaValue => {
                if (path.startsWith('$User.')) {
                    const value = this.store.resolvePath(user, path.slice('$User.'.length));
                    return value;
                }
                if (path.startsWith('$')) throw new UnsupportedError(`unsupported: formula global ${path}`);
                return this.store.resolvePath(record, path);
            },
            prior: (): undefined => undefined,
            isNew: false,
            today: this.store.today,
            now: nowIso()
        };
    }

    private approverOf(
        process: ApprovalProcessDef,
        record: SObjectRecord,
        nextApproverIds: string[] | null
    ): string {
        const approver = process.steps[0]!.approvers[0]!;
        if (approver.type === 'adhoc') {
            // the submitter chooses: exactly one user
            const chosen = nextApproverIds?.[0];
            const user = chosen ? this.store.get(chosen) : undefined;
            if (!user || user.attributes.type !== 'User')
                throw new ApprovalError(
                    'REQUIRED_FIELD_MISSING',
                    'missing required field: [nextApproverIds]'
                );
            return user.Id;
        }
        if (nextApproverIds?.length)
            throw new UnsupportedError(
                `unsupported: setNextApproverIds on a step with an assigned approver (${process.name})`
            );
        const id =
            approver.type === 'relatedUserField'
                ? record[approver.name ?? '']
                : this.store
                      .all('User')
                      .find(
                          (user) =>
                              String(user.Username).toLowerCase() === String(approver.name).toLowerCase()
                      )?.Id;
        if (typeof id !== 'string' || !this.store.get(id))
            throw new ApprovalError('REQUIRED_FIELD_MISSING', 'missing required field: [nextApproverIds]');
        return this.store.get(id)!.Id;
    }

    /**
     * Runs an action list's field updates as one update of the record in system context ("Triggers and
     * Order of Execution": field updates fire before and after update triggers once; custom validation
     * rules do not run again; "Validation Rules Considerations"). A trigger's error fails the request.
     */
    private applyActions(
        org: ApexOrg,
        host: TriggerHost,
        process: ApprovalProcessDef,
        recordId: string,
        actions: ActionRef[]
    ): void {
        if (!actions.length) return;
        const stored = this.store.get(recordId);
        if (!stored) throw new ApprovalError('ENTITY_IS_DELETED', MESSAGES.deleted);
        const object = stored.attributes.type;
        const record = new ApexSObject(object);
        record.fields.set('Id', stored.Id);
        for (const action of actions) {
            const update = this.fieldUpdates.get(`${process.object}.${action.name}`.toLowerCase());
            if (!update)
                throw new Error(
                    `approval process ${process.name}: no field update ${action.name} in workflows`
                );
            const field = org.catalog.field(object, update.field);
            if (!field) throw new Error(`field update ${update.name}: no field ${object}.${update.field}`);
            let raw: FormulaValue;
            switch (update.operation) {
                case 'Literal':
                    raw = update.literalValue;
                    break;
                case 'Null':
                    raw = null;
                    break;
                case 'Formula':
                    raw = evaluateFormula(update.formula!, this.formulaContext(org, stored));
                    break;
                default:
                    throw new UnsupportedError(`unsupported: field update operation ${update.operation}`);
            }
            record.fields.set(field.name, org.catalog.toApex(field, raw));
        }
        const [result] = runDml(org, host, 'update', [record], true, 'system', { workflow: true });
        const error: RowError | undefined = result?.errors[0];
        if (error) throw new ApprovalError(error.statusCode, error.message);
    }
}
