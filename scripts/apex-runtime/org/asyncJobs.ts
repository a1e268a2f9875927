// Scheduled, batch and queueable Apex ("Scheduling Apex", "Using Batch Apex", "Queueable Apex",
// "Testing Asynchronous Apex"): System.schedule stores a CronTrigger (with its CronJobDetail), executeBatch
// and enqueueJob an AsyncApexJob. In a test, work queued after Test.startTest runs synchronously at
// Test.stopTest; outside a test a batch or queueable runs at once and a scheduled job waits for its time
// (which never comes here). Each run is its own transaction: fresh static state, asynchronous limits.
import { UnsupportedError } from '../errors';
import { Interpreter, ApexThrow } from '../interpreter';
import { simpleType } from '../registry';
import { typeNameOf } from '../semantics';
import {
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    ApexSObject,
    PlatformObject,
    isNumber,
    type Value
} from '../values';
import type { ApexOrg } from './apexOrg';
import type { TriggerHost } from './dml';
import { GovernorLimits, type LimitValues } from './limits';
import type { SObjectRecord } from '../../preview/emulator/store';

type Host = Interpreter & TriggerHost & { org: ApexOrg };

/** The limits of an asynchronous transaction ("Execution Governors and Limits"). */
export const ASYNC_LIMITS: LimitValues = {
    queries: 200,
    queryRows: 50000,
    dmlStatements: 150,
    dmlRows: 10000,
    heapBytes: 12 * 1024 * 1024,
    cpuMs: 60000,
    publishImmediateDml: 150
};

interface QueuedJob {
    kind: 'schedule' | 'batch' | 'queueable';
    /** AsyncApexJob Id */
    jobId: string;
    /** CronTrigger Id (scheduled) */
    triggerId: string | null;
    /** the object as it was when queued (the platform serializes it then) */
    object: ApexObject;
    scope: number;
    userId: string;
    /** queued between Test.startTest and Test.stopTest */
    inTestContext: boolean;
}

const queues = new WeakMap<Interpreter, QueuedJob[]>();
/** the transactions that run a queueable's execute (a test may not chain another from one) */
const queueableRuns = new WeakSet<Interpreter>();

function queueOf(interp: Interpreter): QueuedJob[] {
    let queue = queues.get(interp);
    if (!queue) queues.set(interp, (queue = []));
    return queue;
}

const nowIso = (): string => new Date().toISOString();

/** Writes a job row as a new object (savepoints share the old one). */
function put(org: ApexOrg, object: string, row: Record<string, unknown>): string {
    const id = (row.Id as string | undefined) ?? org.store.ids.next(object);
    if (org.store.get(id)) org.store.delete(id);
    org.store.undelete({ ...row, Id: id, attributes: { type: object } } as SObjectRecord);
    return id;
}

function patch(org: ApexOrg, id: string, values: Record<string, unknown>): void {
    const row = org.store.get(id);
    if (row) put(org, row.attributes.type, { ...row, ...values });
}

/** A deep copy of an object graph, as serializing and deserializing a job's instance gives. */
function copyValue(value: Value, seen = new Map<object, Value>()): Value {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value)!;
    if (value instanceof ApexObject) {
        const copy = new ApexObject(value.cls);
        seen.set(value, copy);
        for (const [name, field] of value.fields) copy.fields.set(name, copyValue(field, seen));
        return copy;
    }
    if (value instanceof ApexList) {
        const copy = new ApexList(value.elemType);
        seen.set(value, copy);
        for (const item of value.items) copy.items.push(copyValue(item, seen));
        return copy;
    }
    if (value instanceof ApexSet) {
        const copy = new ApexSet(value.elemType);
        seen.set(value, copy);
        for (const [key, item] of value.entries) copy.entries.set(key, copyValue(item, seen));
        return copy;
    }
    if (value instanceof ApexMap) {
        const copy = new ApexMap(value.keyType, value.valueType);
        seen.set(value, copy);
        for (const [key, [k, v]] of value.entries)
            copy.entries.set(key, [copyValue(k, seen), copyValue(v, seen)]);
        return copy;
    }
    if (value instanceof ApexSObject) {
        const copy = new ApexSObject(value.type);
        seen.set(value, copy);
        for (const [name, field] of value.fields) copy.fields.set(name, copyValue(field, seen));
        for (const [name, related] of value.related) copy.related.set(name, copyValue(related, seen));
        copy.queried = value.queried;
        return copy;
    }
    return value;
}

function classIdOf(org: ApexOrg, object: ApexObject): string | null {
    const top = object.cls.qualifiedName.split('.')[0]!.toLowerCase();
    return org.store.all('ApexClass').find((row) => String(row.Name).toLowerCase() === top)?.Id ?? null;
}

function implementsInterface(interp: Interpreter, object: ApexObject, name: string): boolean {
    const iface = interp.system.get(name.toLowerCase());
    return Boolean(iface && interp.isSubclass(object.cls, iface));
}

/**
 * Runs `work` as its own transaction: a new Interpreter (fresh static state), asynchronous limits, as the
 * user who queued the job; the caller's limits and sharing come back afterwards.
 */
function inTransaction<T>(interp: Host, userId: string, work: (tx: Host) => T): T {
    const org = interp.org;
    const limits = org.limits;
    const sharingMode = org.sharingMode;
    const tx = new Interpreter(interp.registry, org) as Host;
    tx.coverage = interp.coverage;
    org.limits = new GovernorLimits(ASYNC_LIMITS);
    try {
        return userId === org.runningUserId ? work(tx) : org.runAs(userId, () => work(tx));
    } finally {
        org.limits = limits;
        org.sharingMode = sharingMode;
    }
}

/** The next time a cron expression fires after `from` (seconds minutes hours day-of-month month day-of-week [year]). */
export function nextFireTime(expression: string, from: Date): Date | null {
    const parts = expression.trim().split(/\s+/);
    if (parts.length < 6 || parts.length > 7) return null;
    const [sec, min, hour, dom, month, dow, year] = parts as [
        string,
        string,
        string,
        string,
        string,
        string,
        string?
    ];
    const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
    const values = (
        field: string,
        low: number,
        high: number,
        names: string[] = [],
        base = low
    ): number[] | null => {
        if (field === '*' || field === '?') return Array.from({ length: high - low + 1 }, (_, i) => low + i);
        const out: number[] = [];
        for (const item of field.split(',')) {
            const [range, stepText] = item.split('/');
            const step = stepText ? Number(stepText) : 1;
            const parse = (text: string): number => {
                const named = names.indexOf(text.toUpperCase());
                return named >= 0 ? named + base : Number(text);
            };
            const [start, given] =
                range === '*' ? [low, high] : (range!.split('-').map(parse) as [number, number?]);
            const end = given ?? (stepText ? high : start);
            if (![start, end, step].every(Number.isInteger) || start < low || end > high || step < 1)
                return null;
            for (let v = start; v <= end; v += step) out.push(v);
        }
        return out;
    };
    const seconds = values(sec, 0, 59);
    const minutes = values(min, 0, 59);
    const hours = values(hour, 0, 23);
    const days = values(dom, 1, 31);
    const months = values(month, 1, 12, MONTHS, 1);
    const weekdays = values(dow, 1, 7, DAYS, 1);
    const years = year ? values(year, 1970, 2099) : null;
    if (!seconds || !minutes || !hours || !days || !months || !weekdays || (year && !years)) return null;
    for (let day = 0; day < 366 * 5; day++) {
        const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + day));
        if (years && !years.includes(date.getUTCFullYear())) continue;
        if (!months.includes(date.getUTCMonth() + 1)) continue;
        if (dom !== '?' && !days.includes(date.getUTCDate())) continue;
        if (dow !== '?' && !weekdays.includes(date.getUTCDay() + 1)) continue;
        for (const h of hours)
            for (const m of minutes)
                for (const s of seconds) {
                    const at = new Date(date.getTime() + ((h * 60 + m) * 60 + s) * 1000);
                    if (at > from) return at;
                }
    }
    return null;
}

function objectArg(interp: Host, value: Value | undefined, what: string): ApexObject {
    if (value === null || value === undefined) interp.npe();
    if (!(value instanceof ApexObject))
        throw new UnsupportedError(`unsupported: ${what} with a ${typeNameOf(value)}`);
    return value;
}

/** In a test, jobs wait for Test.stopTest; elsewhere a batch or queueable runs now. */
function queue(interp: Host, job: QueuedJob): void {
    if (!interp.org.isRunningTest) {
        if (job.kind !== 'schedule') runJob(interp, job);
        return;
    }
    queueOf(interp).push(job);
}

function schedule(interp: Host, args: Value[]): string {
    const org = interp.org;
    const [name, cron, target] = args;
    if (name === null || cron === null || name === undefined || cron === undefined) interp.npe();
    const object = objectArg(interp, target, 'System.schedule');
    if (!implementsInterface(interp, object, 'Schedulable'))
        throw new UnsupportedError(
            `unsupported: System.schedule of ${object.cls.qualifiedName}, which is not Schedulable`
        );
    const jobName = String(name);
    const taken = org.store
        .all('CronTrigger')
        .some((row) => String(org.store.get(String(row.CronJobDetailId))?.Name) === jobName);
    if (taken)
        interp.fail('AsyncException', `The Apex job named "${jobName}" is already scheduled for execution.`);
    const next = nextFireTime(String(cron), new Date());
    if (!next) interp.fail('StringException', `Unexpected end of expression.`);
    const now = nowIso();
    const detailId = put(org, 'CronJobDetail', { Name: jobName, JobType: '7', CreatedDate: now });
    const triggerId = put(org, 'CronTrigger', {
        CronJobDetailId: detailId,
        CronExpression: String(cron),
        State: 'WAITING',
        NextFireTime: next.toISOString(),
        PreviousFireTime: null,
        StartTime: now,
        EndTime: null,
        TimesTriggered: 0,
        TimeZoneSidKey: String(org.runningUser().TimeZoneSidKey ?? 'GMT'),
        OwnerId: org.runningUserId,
        CreatedDate: now,
        CreatedById: org.runningUserId
    });
    const jobId = put(org, 'AsyncApexJob', {
        JobType: 'ScheduledApex',
        Status: 'Queued',
        ApexClassId: classIdOf(org, object),
        CronTriggerId: triggerId,
        JobItemsProcessed: 0,
        TotalJobItems: 0,
        NumberOfErrors: 0,
        CreatedDate: now,
        CreatedById: org.runningUserId
    });
    queue(interp, {
        kind: 'schedule',
        jobId,
        triggerId,
        object: copyValue(object) as ApexObject,
        scope: 0,
        userId: org.runningUserId,
        inTestContext: interp.testHooks?.state === 'started'
    });
    return triggerId;
}

function newJob(interp: Host, kind: 'batch' | 'queueable', object: ApexObject, scope: number): string {
    const org = interp.org;
    const now = nowIso();
    const jobId = put(org, 'AsyncApexJob', {
        JobType: kind === 'batch' ? 'BatchApex' : 'Queueable',
        Status: 'Queued',
        ApexClassId: classIdOf(org, object),
        JobItemsProcessed: 0,
        TotalJobItems: 0,
        NumberOfErrors: 0,
        CreatedDate: now,
        CreatedById: org.runningUserId
    });
    queue(interp, {
        kind,
        jobId,
        triggerId: null,
        object: copyValue(object) as ApexObject,
        scope,
        userId: org.runningUserId,
        inTestContext: interp.testHooks?.state === 'started'
    });
    return jobId;
}

function context(kind: string, props: Record<string, unknown>): PlatformObject {
    const names: Record<string, string[]> = {
        SchedulableContext: ['schedulablecontext', 'system.schedulablecontext'],
        BatchableContext: ['database.batchablecontext', 'batchablecontext'],
        QueueableContext: ['queueablecontext', 'system.queueablecontext']
    };
    return new PlatformObject(kind, names[kind]!, props);
}

/** A failure inside a job: recorded on its AsyncApexJob; in a test it reaches the test at stopTest. */
function jobFailed(
    interp: Host,
    job: QueuedJob,
    error: unknown,
    processed: Record<string, unknown> = {}
): void {
    if (!(error instanceof ApexThrow)) throw error;
    const row = interp.org.store.get(job.jobId);
    patch(interp.org, job.jobId, {
        ...processed,
        NumberOfErrors: Number(row?.NumberOfErrors ?? 0) + 1,
        ExtendedStatus: `First error: ${String(error.exception.fields.get('message') ?? '')}`
    });
    if (interp.org.isRunningTest) throw error;
}

function runJob(interp: Host, job: QueuedJob): void {
    const org = interp.org;
    if (!org.store.get(job.jobId)) return;
    patch(org, job.jobId, { Status: 'Processing' });
    if (job.kind === 'schedule') runScheduled(interp, job);
    else if (job.kind === 'queueable') {
        try {
            inTransaction(interp, job.userId, (tx) => {
                queueableRuns.add(tx);
                const savepoint = org.saveState();
                try {
                    tx.callMethod(
                        job.object,
                        'execute',
                        [context('QueueableContext', { jobId: job.jobId })],
                        '?',
                        0
                    );
                } catch (error) {
                    org.restoreState(savepoint);
                    throw error;
                }
            });
            patch(org, job.jobId, { Status: 'Completed', CompletedDate: nowIso() });
        } catch (error) {
            patch(org, job.jobId, { Status: 'Failed', CompletedDate: nowIso() });
            jobFailed(interp, job, error);
        }
    } else runBatch(interp, job);
}

function runScheduled(interp: Host, job: QueuedJob): void {
    const org = interp.org;
    const trigger = job.triggerId ? org.store.get(job.triggerId) : undefined;
    if (!trigger) return;
    const fired = new Date();
    try {
        inTransaction(interp, job.userId, (tx) => {
            const savepoint = org.saveState();
            try {
                tx.callMethod(
                    job.object,
                    'execute',
                    [context('SchedulableContext', { triggerId: trigger.Id })],
                    '?',
                    0
                );
            } catch (error) {
                org.restoreState(savepoint);
                throw error;
            }
        });
        patch(org, job.jobId, { Status: 'Completed', CompletedDate: nowIso() });
    } catch (error) {
        patch(org, job.jobId, { Status: 'Failed', CompletedDate: nowIso() });
        jobFailed(interp, job, error);
    } finally {
        const next = nextFireTime(String(trigger.CronExpression), fired);
        patch(org, trigger.Id, {
            TimesTriggered: Number(trigger.TimesTriggered ?? 0) + 1,
            PreviousFireTime: fired.toISOString(),
            NextFireTime: next ? next.toISOString() : null,
            State: next ? 'WAITING' : 'COMPLETE'
        });
    }
}

/** What start() returned, as the records to chunk. */
function startRecords(value: Value): Value[] {
    if (value instanceof PlatformObject && value.kind === 'Database.QueryLocator')
        return value.props.records as Value[];
    if (value instanceof ApexList) return value.items;
    if (value === null) return [];
    throw new UnsupportedError(
        `unsupported: a batch start() returning ${typeNameOf(value)} (a custom Iterable)`
    );
}

function runBatch(interp: Host, job: QueuedJob): void {
    const org = interp.org;
    const stateful = implementsInterface(interp, job.object, 'Database.Stateful');
    // stateful: one instance carried through; otherwise every transaction starts from the queued state
    const instance = (): ApexObject => (stateful ? job.object : (copyValue(job.object) as ApexObject));
    const bc = context('BatchableContext', { jobId: job.jobId });
    let records: Value[];
    try {
        records = inTransaction(interp, job.userId, (tx) =>
            startRecords(tx.callMethod(instance(), 'start', [bc], '?', 0))
        );
    } catch (error) {
        patch(org, job.jobId, { Status: 'Failed', CompletedDate: nowIso() });
        jobFailed(interp, job, error);
        return;
    }
    const chunks: Value[][] = [];
    for (let i = 0; i < records.length; i += job.scope) chunks.push(records.slice(i, i + job.scope));
    if (org.isRunningTest && chunks.length > 1)
        interp.fail(
            'UnexpectedException',
            'No more than one executeBatch can be called from within a test method.  Please make sure the iterable returned from your start method matches the batch size, resulting in one executeBatch invocation.'
        );
    patch(org, job.jobId, { TotalJobItems: chunks.length });
    let processed = 0;
    for (const chunk of chunks) {
        try {
            inTransaction(interp, job.userId, (tx) => {
                const savepoint = org.saveState();
                try {
                    tx.callMethod(
                        instance(),
                        'execute',
                        [bc, new ApexList(simpleType('SObject'), chunk)],
                        '?',
                        0
                    );
                } catch (error) {
                    // a failed chunk is rolled back; the next chunk still runs
                    org.restoreState(savepoint);
                    throw error;
                }
            });
            processed++;
            patch(org, job.jobId, { JobItemsProcessed: processed });
        } catch (error) {
            processed++;
            jobFailed(interp, job, error, { JobItemsProcessed: processed });
        }
    }
    try {
        inTransaction(interp, job.userId, (tx) => tx.callMethod(instance(), 'finish', [bc], '?', 0));
    } catch (error) {
        jobFailed(interp, job, error);
    }
    patch(org, job.jobId, { Status: 'Completed', CompletedDate: nowIso() });
}

/**
 * Test.stopTest: the jobs queued since Test.startTest run now, each once, in the order queued. What a
 * job queues in its own transaction stays queued (a batch a scheduled job starts does not run in the
 * test), as do jobs queued before startTest.
 */
export function runQueuedJobs(interp: Interpreter): void {
    if (!interp.org) return;
    const pending = queueOf(interp);
    const ready = pending.filter((job) => job.inTestContext);
    pending.splice(0, pending.length, ...pending.filter((job) => !job.inTestContext));
    for (const job of ready) runJob(interp as Host, job);
}

function abortJob(interp: Host, id: string): null {
    const org = interp.org;
    const row = org.store.get(id);
    const pending = queueOf(interp);
    if (row?.attributes.type === 'CronTrigger') {
        const job = org.store.all('AsyncApexJob').find((each) => each.CronTriggerId === row.Id);
        if (job) patch(org, job.Id, { Status: 'Aborted', CompletedDate: nowIso() });
        org.store.delete(row.Id);
        pending.splice(0, pending.length, ...pending.filter((each) => each.triggerId !== row.Id));
    } else if (row?.attributes.type === 'AsyncApexJob') {
        patch(org, row.Id, { Status: 'Aborted', CompletedDate: nowIso() });
        pending.splice(0, pending.length, ...pending.filter((each) => each.jobId !== row.Id));
    } else interp.fail('StringException', `Invalid id: ${id}`);
    return null;
}

/** Static methods of scheduled, batch and queueable Apex; undefined for any other. */
export function asyncStatic(interp: Host, type: string, method: string, args: Value[]): Value | undefined {
    const [a, b] = args;
    switch (`${type}.${method}`) {
        case 'system.schedule':
            return schedule(interp, args);
        case 'system.abortjob':
            if (a === null || a === undefined) interp.npe();
            return abortJob(interp, String(a));
        case 'system.enqueuejob': {
            const object = objectArg(interp, a, 'System.enqueueJob');
            // "Queueable Apex": a test cannot chain queueable jobs
            if (interp.org.isRunningTest && queueableRuns.has(interp))
                interp.fail('AsyncException', 'Maximum stack depth has been reached.');
            if (!implementsInterface(interp, object, 'Queueable'))
                throw new UnsupportedError(
                    `unsupported: System.enqueueJob of ${object.cls.qualifiedName}, which is not Queueable`
                );
            return newJob(interp, 'queueable', object, 0);
        }
        case 'database.executebatch': {
            const object = objectArg(interp, a, 'Database.executeBatch');
            if (!implementsInterface(interp, object, 'Database.Batchable'))
                throw new UnsupportedError(
                    `unsupported: Database.executeBatch of ${object.cls.qualifiedName}, which is not Database.Batchable`
                );
            const scope = b === undefined || b === null ? 200 : isNumber(b) ? b.value : NaN;
            if (!Number.isInteger(scope) || scope < 1)
                interp.fail(
                    'InvalidParameterValueException',
                    `The scope must be greater than zero: ${String(scope)}`
                );
            // a QueryLocator's chunks hold at most 2,000 records ("Using Batch Apex")
            return newJob(interp, 'batch', object, Math.min(scope, 2000));
        }
        case 'database.getquerylocator': {
            if (a === null || a === undefined) interp.npe();
            const records =
                a instanceof ApexList
                    ? a.items
                    : (
                          interp.org.query({
                              kind: 'dynamic',
                              text: String(a),
                              binds: null,
                              access: 'system',
                              count: false,
                              withSharing: interp.isWithSharing(),
                              origin: interp.callSite
                          }) as ApexList
                      ).items;
            return new PlatformObject('Database.QueryLocator', ['database.querylocator', 'querylocator'], {
                records,
                query: typeof a === 'string' ? a : null
            });
        }
    }
    return undefined;
}

/** The contexts' and the QueryLocator's methods; undefined for other objects. */
export function asyncMethod(
    interp: Host,
    target: PlatformObject,
    method: string,
    args: Value[]
): Value | undefined {
    void args;
    switch (`${target.kind}.${method}`) {
        case 'SchedulableContext.gettriggerid':
            return target.props.triggerId as string;
        case 'BatchableContext.getjobid':
        case 'QueueableContext.getjobid':
            return target.props.jobId as string;
        case 'BatchableContext.getchildjobid':
            return null;
        case 'Database.QueryLocator.getquery':
            return (target.props.query as string | null) ?? null;
    }
    if (
        ['SchedulableContext', 'BatchableContext', 'QueueableContext', 'Database.QueryLocator'].includes(
            target.kind
        )
    )
        throw new UnsupportedError(`unsupported: ${target.kind}.${method}`);
    void interp;
    return undefined;
}
