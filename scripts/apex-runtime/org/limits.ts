// The governor limits of one synchronous transaction ("Execution Governors and Limits"), counted in one
// object so that Test.startTest/stopTest can later swap in a fresh set of counters.

/** Thrown when a limit is exceeded; the interpreter turns it into System.LimitException, which no catch stops. */
export class LimitExceeded extends Error {}

/** The limits a transaction runs under (a test may lower one to reach it quickly). */
export interface LimitValues {
    readonly queries: number;
    readonly queryRows: number;
    readonly dmlStatements: number;
    readonly dmlRows: number;
    readonly heapBytes: number;
    readonly cpuMs: number;
    /** EventBus.publish of events published immediately: their own limit, not the DML statements' */
    readonly publishImmediateDml?: number;
}

export const SYNC_LIMITS: LimitValues = {
    queries: 100,
    queryRows: 50000,
    dmlStatements: 150,
    dmlRows: 10000,
    heapBytes: 6 * 1024 * 1024,
    cpuMs: 10000,
    publishImmediateDml: 150
};

export class GovernorLimits {
    queries = 0;
    queryRows = 0;
    dmlStatements = 0;
    dmlRows = 0;
    publishImmediateDml = 0;
    private readonly cpuStart = process.cpuUsage();

    constructor(readonly limits: LimitValues = SYNC_LIMITS) {}

    /** One SOQL query issued: the 101st fails before it runs. */
    countQuery(): void {
        this.checkCpu();
        this.queries++;
        if (this.queries > this.limits.queries)
            throw new LimitExceeded(`Too many SOQL queries: ${this.queries}`);
    }

    countQueryRows(rows: number): void {
        this.queryRows += rows;
        if (this.queryRows > this.limits.queryRows)
            throw new LimitExceeded(`Too many query rows: ${this.queryRows}`);
    }

    /** One DML statement over `rows` records: the 151st statement or the 10,001st row fails before it runs. */
    countDml(rows: number): void {
        this.checkCpu();
        this.dmlStatements++;
        if (this.dmlStatements > this.limits.dmlStatements)
            throw new LimitExceeded(`Too many DML statements: ${this.dmlStatements}`);
        this.dmlRows += rows;
        if (this.dmlRows > this.limits.dmlRows) throw new LimitExceeded(`Too many DML rows: ${this.dmlRows}`);
    }

    /** One EventBus.publish call of events published immediately: the 151st fails before it runs. */
    countPublishImmediate(): void {
        this.publishImmediateDml++;
        const limit = this.limits.publishImmediateDml ?? SYNC_LIMITS.publishImmediateDml!;
        if (this.publishImmediateDml > limit)
            throw new LimitExceeded(`Too many immediate publish DML statements: ${this.publishImmediateDml}`);
    }

    /** CPU milliseconds this process spent since the transaction began (user + system, as Node reports). */
    cpuTime(): number {
        const used = process.cpuUsage(this.cpuStart);
        return Math.round((used.user + used.system) / 1000);
    }

    checkCpu(): void {
        const used = this.cpuTime();
        if (used > this.limits.cpuMs) throw new LimitExceeded('Apex CPU time limit exceeded');
    }
}
