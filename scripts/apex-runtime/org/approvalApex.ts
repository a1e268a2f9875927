// The Approval namespace as Apex meets it ("Approval Class", "ProcessSubmitRequest Class",
// "ProcessWorkitemRequest Class", "ProcessResult Class", "LockResult Class", "UnlockResult Class"): the
// request objects, Approval.process / lock / unlock / isLocked over the org's ApprovalEngine, and their
// results. Approval.process is a DML statement: it counts as one, a failure with allOrNone throws a
// DmlException naming the first failed request, and each failed request is rolled back on its own.
import { UnsupportedError } from '../errors';
import type { Interpreter } from '../interpreter';
import { simpleType } from '../registry';
import { typeNameOf } from '../semantics';
import { ApexList, ApexMap, ApexSObject, PlatformObject, type Value } from '../values';
import { idOf } from '../builtins';
import type { ApexOrg } from './apexOrg';
import { ApprovalError, MESSAGES, type ApprovalRequest, type ProcessOutcome } from './approvals';
import type { RowError, TriggerHost } from './dml';

type Host = Interpreter & TriggerHost & { org: ApexOrg };

interface RequestState {
    kind: 'submit' | 'workitem';
    objectId: string | null;
    workitemId: string | null;
    action: string | null;
    comments: string | null;
    submitterId: string | null;
    processName: string | null;
    skipEntryCriteria: boolean;
    nextApproverIds: string[] | null;
}

/** `new Approval.ProcessSubmitRequest()` / `new Approval.ProcessWorkitemRequest()`; null for other names. */
export function newApprovalObject(name: string): PlatformObject | null {
    const kind =
        name === 'approval.processsubmitrequest'
            ? 'submit'
            : name === 'approval.processworkitemrequest'
              ? 'workitem'
              : null;
    if (!kind) return null;
    const state: RequestState = {
        kind,
        objectId: null,
        workitemId: null,
        action: null,
        comments: null,
        submitterId: null,
        processName: null,
        skipEntryCriteria: false,
        nextApproverIds: null
    };
    const type = kind === 'submit' ? 'Approval.ProcessSubmitRequest' : 'Approval.ProcessWorkitemRequest';
    return new PlatformObject(type, [type.toLowerCase(), 'approval.processrequest'], { state });
}

function idList(interp: Host, value: Value): string[] | null {
    if (value === null) return null;
    if (!(value instanceof ApexList))
        throw new UnsupportedError(`unsupported: Id list from ${typeNameOf(value)}`);
    return value.items.map((item) => (item === null ? interp.npe() : idOf(interp, String(item))));
}

const errorObject = (error: RowError): PlatformObject =>
    new PlatformObject('Database.Error', ['database.error'], { ...error });

/** Setters and getters of the requests; the results' methods. */
export function approvalMethod(
    interp: Host,
    target: PlatformObject,
    method: string,
    args: Value[]
): Value | undefined {
    const [a] = args;
    if (
        target.kind === 'Approval.ProcessSubmitRequest' ||
        target.kind === 'Approval.ProcessWorkitemRequest'
    ) {
        const state = target.props.state as RequestState;
        const id = (): string | null => (a === null || a === undefined ? null : idOf(interp, String(a)));
        const text = (): string | null => (a === null || a === undefined ? null : String(a));
        switch (method) {
            case 'setcomments':
                state.comments = text();
                return null;
            case 'getcomments':
                return state.comments;
            case 'setnextapproverids':
                state.nextApproverIds = idList(interp, a ?? null);
                return null;
            case 'getnextapproverids':
                return state.nextApproverIds
                    ? new ApexList(simpleType('Id'), [...state.nextApproverIds])
                    : null;
        }
        if (state.kind === 'submit')
            switch (method) {
                case 'setobjectid':
                    state.objectId = id();
                    return null;
                case 'getobjectid':
                    return state.objectId;
                case 'setsubmitterid':
                    state.submitterId = id();
                    return null;
                case 'getsubmitterid':
                    return state.submitterId;
                case 'setprocessdefinitionnameorid':
                    state.processName = text();
                    return null;
                case 'getprocessdefinitionnameorid':
                    return state.processName;
                case 'setskipentrycriteria':
                    state.skipEntryCriteria = a === true;
                    return null;
                case 'getskipentrycriteria':
                    return state.skipEntryCriteria;
            }
        else
            switch (method) {
                case 'setworkitemid':
                    state.workitemId = id();
                    return null;
                case 'getworkitemid':
                    return state.workitemId;
                case 'setaction':
                    state.action = text();
                    return null;
                case 'getaction':
                    return state.action;
            }
        throw new UnsupportedError(`unsupported: ${target.kind}.${method}`);
    }
    if (target.kind === 'Approval.ProcessResult') {
        const outcome = target.props.outcome as ProcessOutcome | null;
        const errors = target.props.errors as RowError[];
        switch (method) {
            case 'issuccess':
                return errors.length === 0;
            case 'geterrors':
                return new ApexList(simpleType('Database.Error'), errors.map(errorObject));
            case 'getentityid':
                return (target.props.entityId as string | null) ?? null;
            case 'getinstanceid':
                return outcome?.instanceId ?? null;
            case 'getinstancestatus':
                return outcome?.instanceStatus ?? null;
            case 'getnewworkitemids':
                return new ApexList(simpleType('Id'), [...(outcome?.newWorkitemIds ?? [])]);
            case 'getactorids':
                return new ApexList(simpleType('Id'), [...(outcome?.actorIds ?? [])]);
        }
        throw new UnsupportedError(`unsupported: Approval.ProcessResult.${method}`);
    }
    if (target.kind === 'Approval.LockResult' || target.kind === 'Approval.UnlockResult') {
        const errors = target.props.errors as RowError[];
        switch (method) {
            case 'issuccess':
                return errors.length === 0;
            case 'geterrors':
                return new ApexList(simpleType('Database.Error'), errors.map(errorObject));
            case 'getid':
                return (target.props.id as string | null) ?? null;
        }
        throw new UnsupportedError(`unsupported: ${target.kind}.${method}`);
    }
    return undefined;
}

/** The platform's DmlException for a failed approval call: the first failed row's code and message. */
function approvalException(
    interp: Host,
    verb: string,
    failed: { index: number; id: string | null; error: RowError }[]
): never {
    const first = failed[0]!;
    const withId = first.id ? ` with id ${first.id}` : '';
    const message = `${verb} failed. First exception on row ${first.index}${withId}; first error: ${first.error.statusCode}, ${first.error.message}: []`;
    const exception = interp.exceptionOf('DmlException', message);
    exception.fields.set(
        '$dml',
        new ApexList(
            null,
            failed.map(
                ({ index, id, error }) =>
                    new PlatformObject('DmlRow', [], { index, id, object: null, errors: [error] })
            )
        )
    );
    throw interp.thrown(exception);
}

function requestOf(value: Value, interp: Host): ApprovalRequest {
    if (!(value instanceof PlatformObject) || !value.props.state) interp.npe();
    const state = value.props.state as RequestState;
    return state.kind === 'submit'
        ? {
              kind: 'submit',
              objectId: state.objectId,
              comments: state.comments,
              submitterId: state.submitterId,
              processName: state.processName,
              skipEntryCriteria: state.skipEntryCriteria,
              nextApproverIds: state.nextApproverIds
          }
        : {
              kind: 'workitem',
              workitemId: state.workitemId,
              action: state.action,
              comments: state.comments,
              nextApproverIds: state.nextApproverIds
          };
}

/** Approval.process(request | requests [, allOrNone]). */
function processRequests(interp: Host, args: Value[]): Value {
    const org = interp.org;
    const [first, second] = args;
    if (first === null || first === undefined) interp.npe();
    const single = !(first instanceof ApexList);
    const requests = single ? [first] : first.items;
    const allOrNone = typeof second === 'boolean' ? second : true;
    org.limits.countDml(requests.length);
    const start = org.saveState();
    const rows: { outcome: ProcessOutcome | null; error: RowError | null; entityId: string | null }[] = [];
    try {
        for (const value of requests) {
            const request = requestOf(value, interp);
            const before = org.saveState();
            try {
                const outcome = org.approvals.process(org, interp, request);
                rows.push({ outcome, error: null, entityId: outcome.entityId });
            } catch (error) {
                if (!(error instanceof ApprovalError)) throw error;
                org.restoreState(before);
                const entityId = request.kind === 'submit' ? request.objectId : null;
                rows.push({
                    outcome: null,
                    error: { statusCode: error.statusCode, message: error.message, fields: [] },
                    entityId
                });
            }
        }
    } catch (error) {
        org.restoreState(start);
        throw error;
    }
    const failed = rows.flatMap((row, index) => (row.error ? [{ index, id: null, error: row.error }] : []));
    if (allOrNone && failed.length) {
        org.restoreState(start);
        approvalException(interp, 'Process', failed);
    }
    const results = rows.map(
        (row) =>
            new PlatformObject('Approval.ProcessResult', ['approval.processresult'], {
                outcome: row.outcome,
                errors: row.error ? [row.error] : [],
                entityId: row.entityId
            })
    );
    return single ? results[0]! : new ApexList(simpleType('Approval.ProcessResult'), results);
}

function idsOf(interp: Host, value: Value): { ids: string[]; single: boolean } {
    if (value === null || value === undefined) interp.npe();
    const one = (item: Value): string => {
        if (item instanceof ApexSObject) {
            const id = item.fields.get('Id');
            if (typeof id !== 'string') interp.fail('DmlException', 'Id not specified in an update call');
            return id;
        }
        if (typeof item === 'string') return idOf(interp, item);
        return interp.npe();
    };
    if (value instanceof ApexList) return { ids: value.items.map(one), single: false };
    return { ids: [one(value)], single: true };
}

/** Approval.lock / unlock: each record that exists is (un)locked; a missing one fails its row. */
function lockRecords(interp: Host, lock: boolean, args: Value[]): Value {
    const org = interp.org;
    const { ids, single } = idsOf(interp, args[0] ?? null);
    const allOrNothing = typeof args[1] === 'boolean' ? args[1] : true;
    org.limits.countDml(ids.length);
    const errors = ids.map((id): RowError | null =>
        org.store.get(id) ? null : { statusCode: 'ENTITY_IS_DELETED', message: MESSAGES.deleted, fields: [] }
    );
    const failed = errors.flatMap((error, index) => (error ? [{ index, id: ids[index]!, error }] : []));
    if (allOrNothing && failed.length) approvalException(interp, lock ? 'Lock' : 'Unlock', failed);
    ids.forEach((id, index) => {
        if (errors[index]) return;
        if (lock) org.approvals.lock(id);
        else org.approvals.unlock(id);
    });
    const type = lock ? 'Approval.LockResult' : 'Approval.UnlockResult';
    const results = ids.map(
        (id, index) =>
            new PlatformObject(type, [type.toLowerCase()], {
                id,
                errors: errors[index] ? [errors[index]] : []
            })
    );
    return single ? results[0]! : new ApexList(simpleType(type), results);
}

/** Static methods of Approval; undefined for a method it does not have. */
export function approvalStatic(interp: Host, method: string, args: Value[]): Value | undefined {
    switch (method) {
        case 'process':
            return processRequests(interp, args);
        case 'lock':
            return lockRecords(interp, true, args);
        case 'unlock':
            return lockRecords(interp, false, args);
        case 'islocked': {
            const { ids, single } = idsOf(interp, args[0] ?? null);
            if (single) return interp.org.approvals.isLocked(ids[0]!);
            const map = new ApexMap(simpleType('Id'), simpleType('Boolean'));
            for (const id of ids) map.entries.set(`s:${id}`, [id, interp.org.approvals.isLocked(id)]);
            return map;
        }
    }
    return undefined;
}
