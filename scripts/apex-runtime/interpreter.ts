// A tree-walking interpreter for the Apex subset Keystone uses: one Interpreter is one transaction
// (static state is initialised once per class and kept until the Interpreter is dropped).
import {
    ArgumentsContext,
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    ArrayExpressionContext,
    AssignExpressionContext,
    BitAndExpressionContext,
    BitExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    BlockContext,
    CastExpressionContext,
    CmpExpressionContext,
    CoalExpressionContext,
    CondExpressionContext,
    DotExpressionContext,
    DotMethodCallContext,
    EqualityExpressionContext,
    ExpressionContext,
    ForStatementContext,
    IdPrimaryContext,
    InstanceOfExpressionContext,
    LiteralContext,
    LiteralPrimaryContext,
    LocalVariableDeclarationContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    MethodCallContext,
    MethodCallExpressionContext,
    NegExpressionContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryContext,
    PrimaryExpressionContext,
    RunAsStatementContext,
    SoqlPrimaryContext,
    StatementContext,
    SubExpressionContext,
    SuperPrimaryContext,
    ThisPrimaryContext,
    TypeRefPrimaryContext,
    WhenLiteralContext
} from '@apexdevtools/apex-parser';
import { newApprovalObject } from './org/approvalApex';
import { callInstanceBuiltin, callStaticBuiltin, idOf, isBuiltinType, staticBuiltinField } from './builtins';
import { regexMethod } from './regex';
import type { CoverageRecorder } from './coverage';
import { CompileError, UnsupportedError, unsupported } from './errors';
import type { ApexOrg } from './org/apexOrg';
import type { TriggerEvent, TriggerHost } from './org/dml';
import { GovernorLimits, LimitExceeded } from './org/limits';
import { SoqlQueryError } from './soql/errors';
import {
    addFieldError,
    describeObjectOf,
    dmlExceptionMethod,
    dmlStatement,
    newSObject,
    objectMember,
    objectStaticCall,
    platformMember,
    platformMethod,
    platformStatic,
    readSObjectField,
    sobjectMethod,
    tokenMethod,
    writeSObjectField
} from './org/platform';
import type { TriggerDef } from './org/triggers';
import { ClassDef, FieldDef, MethodDef, Registry, TypeRef, simpleType, typeRefOf } from './registry';
import { installSharedSystemTypes } from './systemTypes';
import { argumentsOf, childTextsOf, lowerTextOf, memo, operandsOf, textOf } from './nodeCache';
import {
    ApexDate,
    ApexDatetime,
    ApexList,
    ApexMap,
    ApexNumber,
    ApexObject,
    ApexSObject,
    ApexSet,
    EnumValue,
    PlatformObject,
    SObjectFieldToken,
    SObjectTypeToken,
    TypeValue,
    Value,
    isNumber
} from './values';
import { apexEquals, arith, compare, toApexString, typeNameOf } from './semantics';

/** An Apex exception in flight. */
export class ApexThrow extends Error {
    constructor(readonly exception: ApexObject) {
        super(String(exception.fields.get('message') ?? ''));
    }
}

/** Where a statement stands in the source. */
export interface SourceLocation {
    file: string;
    line: number;
}

// The statements an error unwound through, innermost first, one per file it crossed: a test runner
// names the failing statement without the interpreter keeping a call stack on the happy path.
const errorTraces = new WeakMap<object, SourceLocation[]>();

function noteUnwind(error: unknown, file: string, line: number): void {
    if (!error || typeof error !== 'object') return;
    const trace = errorTraces.get(error);
    if (!trace) errorTraces.set(error, [{ file, line }]);
    else if (trace[trace.length - 1].file !== file) trace.push({ file, line });
}

/** The statements an error left, innermost first (one per file); empty for an error not thrown by Apex code. */
export function errorTrace(error: unknown): readonly SourceLocation[] {
    return (error && typeof error === 'object' ? errorTraces.get(error) : undefined) ?? [];
}

/** What `Test.startTest()` and `Test.stopTest()` do: only a test run provides it. */
export interface TestHooks {
    /** where the test method stands: async work queued while 'started' runs at stopTest */
    readonly state?: 'before' | 'started' | 'stopped';
    startTest(interp: Interpreter): void;
    stopTest(interp: Interpreter): void;
}

class ReturnSignal {
    constructor(readonly value: Value) {}
}
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
type Completion = undefined | ReturnSignal | typeof BREAK | typeof CONTINUE;

interface Variable {
    value: Value;
    type: TypeRef | null;
}

export interface Frame {
    cls: ClassDef;
    self: ApexObject | null;
    scopes: Map<string, Variable>[];
    /** the property whose accessor is running: its own name reads and writes the backing value */
    property?: FieldDef;
    /** as a stack trace names this frame, e.g. `Class.OrgChartService.getPage`; unset: not in traces */
    label?: string;
    /** the statement running in this frame, for stack traces */
    line?: number;
    column?: number;
}

const NUMERIC_RANK: Record<string, number> = { integer: 1, long: 2, double: 3, decimal: 4 };

/** The firing trigger's context, as `Trigger.new`, `Trigger.oldMap`, `Trigger.operationType`… read it. */
interface TriggerContext {
    object: string;
    event: TriggerEvent;
    news: ApexSObject[] | null;
    olds: ApexSObject[] | null;
    values: Map<string, Value>;
}

type OrgHost = Interpreter & TriggerHost & { org: ApexOrg };

export class Interpreter implements TriggerHost {
    readonly statics = new Map<ClassDef, Map<string, Value>>();
    private readonly initialised = new Set<ClassDef>();
    private readonly enumValues = new Map<ClassDef, EnumValue[]>();
    readonly system = new Map<string, ClassDef>();
    /** System.debug output, kept for tests that want to read it */
    readonly debugLog: string[] = [];
    /** set by a test run: every statement and field initialiser run is reported here */
    coverage: CoverageRecorder | null = null;
    /** set by a test run: Test.startTest/stopTest */
    testHooks: TestHooks | null = null;

    private readonly triggerStack: TriggerContext[] = [];
    /** platform events published in this transaction and not yet delivered to their subscribers */
    readonly publishedEvents: { event: ApexSObject; immediate: boolean }[] = [];
    /** the labelled frames running now, outermost first: what getStackTraceString reads */
    private readonly callStack: Frame[] = [];
    /** the sharing mode of each running method, innermost last: true is `with sharing` */
    private readonly sharingStack: boolean[] = [];
    private readonly triggerClasses = new Map<TriggerDef, ClassDef>();

    /** @param org the org SObjects, Schema, DML, SOQL and triggers work on; without one they are unsupported */
    constructor(
        readonly registry: Registry,
        readonly org: ApexOrg | null = null
    ) {
        installSharedSystemTypes(this.system);
        // one Interpreter is one transaction: its limits (and CPU clock) start now, after the parsing
        if (org) {
            org.limits = new GovernorLimits(org.limits.limits);
            org.sharingMode = () => this.isWithSharing();
        }
    }

    // ---------- sharing ----------

    /** Is the code running now `with sharing`? What SOQL and DML ask to decide whether sharing applies. */
    isWithSharing(): boolean {
        return this.sharingStack[this.sharingStack.length - 1] ?? false;
    }

    /**
     * The sharing a method of `cls` runs with ("Using the with sharing, without sharing, and inherited
     * sharing Keywords"): the keyword of the class, else of the nearest superclass that has one (an inner
     * class does not take its outer class's); `inherited sharing` and no keyword run as their caller, and as
     * the entry point `inherited sharing` is with sharing, no keyword without.
     */
    private sharingOf(cls: ClassDef): boolean {
        let declared: string | null = null;
        for (let current: ClassDef | null = cls; current && !declared; current = this.superOf(current))
            declared = current.sharing;
        const caller = this.sharingStack[this.sharingStack.length - 1];
        if (declared === 'with sharing') return true;
        if (declared === 'without sharing') return false;
        return caller ?? declared === 'inherited sharing';
    }

    private withSharingMode<T>(enforced: boolean, work: () => T): T {
        this.sharingStack.push(enforced);
        try {
            return work();
        } finally {
            this.sharingStack.pop();
        }
    }

    private host(what: string, file: string, line: number): OrgHost {
        // without an org (new Interpreter(registry) alone) the language core runs and the rest is unsupported
        if (!this.org) throw unsupported(what, file, line);
        return this as OrgHost;
    }

    /** An object's canonical name when `name` is one of the org's objects (and no class of that name). */
    private sobjectName(name: string): string | null {
        const bare = name.replace(/^schema\./, '');
        return this.org?.catalog.object(bare)?.name ?? null;
    }

    /**
     * Runs an org call; a governor limit it exceeds becomes System.LimitException, a query the SOQL module
     * refuses System.QueryException (with `getInaccessibleFields` for a user-mode refusal).
     */
    private orgCall<T>(work: () => T): T {
        try {
            return work();
        } catch (error) {
            if (error instanceof LimitExceeded) this.fail('LimitException', error.message);
            if (error instanceof SoqlQueryError) {
                const exception = this.exceptionOf('QueryException', error.message);
                exception.fields.set(
                    '$inaccessible',
                    new ApexList(simpleType('String'), [...error.inaccessibleFields])
                );
                throw new ApexThrow(exception);
            }
            throw error;
        }
    }

    /** where the running `Database.*` call stands, for a dynamic query's messages */
    callSite: { file: string; line: number } = { file: '?', line: 0 };

    /** An Apex exception to throw from TypeScript. */
    thrown(exception: ApexObject): ApexThrow {
        return new ApexThrow(exception);
    }

    // ---------- triggers ----------

    /** Runs the org's triggers on `object` for one event, over one chunk of at most 200 records. */
    fireTriggers(
        object: string,
        event: TriggerEvent,
        news: ApexSObject[] | null,
        olds: ApexSObject[] | null
    ): void {
        const org = this.org;
        if (!org) return;
        for (const trigger of org.triggers.get(object.toLowerCase()) ?? []) {
            if (!trigger.events.has(event)) continue;
            this.triggerStack.push({ object, event, news, olds, values: new Map() });
            try {
                const frame: Frame = {
                    cls: this.triggerClass(trigger),
                    self: null,
                    scopes: [new Map()],
                    label: `Trigger.${trigger.name}`
                };
                // triggers run in system context without sharing, whoever saved the records
                this.withSharingMode(false, () =>
                    this.inFrame(frame, () => {
                        for (const statement of trigger.statements) {
                            if (this.execStatement(statement, frame) instanceof ReturnSignal) break;
                        }
                    })
                );
            } catch (error) {
                // an exception a trigger lets through fails its rows, with the platform's wording
                if (!(error instanceof ApexThrow) || error.exception.cls.name === 'LimitException')
                    throw error;
                const [when, kind] = event.split(' ');
                const eventName =
                    when[0].toUpperCase() + when.slice(1) + kind[0].toUpperCase() + kind.slice(1);
                const message = `${trigger.name}: execution of ${eventName} caused by: ${toApexString(error.exception)}`;
                for (const record of news ?? olds ?? [])
                    record.errors.push({
                        message,
                        field: null,
                        statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'
                    });
            } finally {
                this.triggerStack.pop();
            }
        }
    }

    private triggerClass(trigger: TriggerDef): ClassDef {
        let cls = this.triggerClasses.get(trigger);
        if (!cls) {
            cls = {
                kind: 'class',
                name: trigger.name,
                qualifiedName: trigger.name,
                file: trigger.file,
                line: trigger.line,
                outer: null,
                superRef: null,
                interfaceRefs: [],
                superClass: null,
                interfaces: [],
                isAbstract: false,
                isVirtual: false,
                annotations: [],
                // a trigger runs in system context: sharing is not enforced unless a class it calls says so
                sharing: 'without sharing',
                fields: new Map(),
                initOrder: [],
                methods: new Map(),
                constructors: [],
                inner: new Map(),
                enumConstants: [],
                cache: new Map()
            };
            this.triggerClasses.set(trigger, cls);
        }
        return cls;
    }

    /** `Trigger.<name>`: outside a trigger the lists and maps are null and the flags false. */
    private triggerMember(name: string, file: string, line: number): Value {
        const context = this.triggerStack[this.triggerStack.length - 1];
        const flags: Record<string, (c: TriggerContext) => boolean> = {
            isexecuting: () => true,
            isbefore: (c) => c.event.startsWith('before'),
            isafter: (c) => c.event.startsWith('after'),
            isinsert: (c) => c.event.endsWith(' insert'),
            isupdate: (c) => c.event.endsWith(' update'),
            isdelete: (c) => c.event.endsWith(' delete'),
            isundelete: (c) => c.event.endsWith(' undelete')
        };
        if (flags[name]) return context ? flags[name](context) : false;
        const known = ['new', 'old', 'newmap', 'oldmap', 'operationtype', 'size'];
        if (!known.includes(name)) throw unsupported(`Trigger.${name}`, file, line);
        if (!context) return name === 'size' ? ApexNumber.int(0) : null;
        if (context.values.has(name)) return context.values.get(name) ?? null;
        const type = simpleType(context.object);
        const mapOf = (records: ApexSObject[]): ApexMap => {
            const map = new ApexMap(simpleType('Id'), type);
            for (const record of records) {
                const id = record.fields.get('Id');
                map.entries.set(`s:${String(id)}`, [id ?? null, record]);
            }
            return map;
        };
        let value: Value = null;
        switch (name) {
            case 'new':
                value = context.news ? new ApexList(type, context.news) : null;
                break;
            case 'old':
                value = context.olds ? new ApexList(type, context.olds) : null;
                break;
            case 'newmap':
                value = context.news && context.event !== 'before insert' ? mapOf(context.news) : null;
                break;
            case 'oldmap':
                value = context.olds ? mapOf(context.olds) : null;
                break;
            case 'operationtype':
                value =
                    this.enumValuesOf(this.system.get('triggeroperation')!).find(
                        (each) => each.name === context.event.toUpperCase().replace(' ', '_')
                    ) ?? null;
                break;
            case 'size':
                value = ApexNumber.int((context.news ?? context.olds ?? []).length);
                break;
        }
        context.values.set(name, value);
        return value;
    }

    // ---------- public entry points ----------

    /** Calls a static method by class and method name with plain Apex values. */
    callStatic(className: string, methodName: string, args: Value[] = []): Value {
        const cls = this.resolveClass(className.toLowerCase(), null);
        if (!cls) throw new Error(`no class ${className}`);
        this.ensureStatic(cls);
        const method = this.findMethod(cls, methodName, args, true);
        if (!method) throw new Error(`no static method ${className}.${methodName}/${args.length}`);
        return this.invoke(method, null, args);
    }

    /** Creates an instance of a class by name. */
    newInstance(className: string, args: Value[] = []): ApexObject {
        const cls = this.resolveClass(className.toLowerCase(), null);
        if (!cls) throw new Error(`no class ${className}`);
        return this.instantiate(cls, args, cls.file, cls.line);
    }

    /** Runs a block of statements written as the body of a static method in a class of its own. */
    runSnippet(body: string): Value {
        const name = `Snippet${this.registry.classes.size}`;
        this.registry.addSource(
            // anonymous Apex runs with the current user's sharing ("Anonymous Blocks"); `inherited sharing`
            // is with sharing at an entry point and passes it on to undeclared classes it calls
            `public inherited sharing class ${name} { public static Object run() { ${body} } }`,
            `${name}.cls`
        );
        return this.callStatic(name, 'run');
    }

    // ---------- platform events ----------

    /** EventBus.publish: a copy of the event waits for delivery (later changes to the caller's do not count). */
    queueEvent(event: ApexSObject, immediate: boolean): void {
        const copy = new ApexSObject(event.type);
        for (const [name, value] of event.fields) copy.fields.set(name, value);
        this.publishedEvents.push({ event: copy, immediate });
    }

    /** Database.rollback: the events published after commit since the savepoint go; immediate ones stay. */
    discardEventsAfterCommitSince(mark: number): void {
        const kept = this.publishedEvents.filter((entry, i) => i < mark || entry.immediate);
        this.publishedEvents.splice(0, this.publishedEvents.length, ...kept);
    }

    /**
     * Delivers the published events to their subscribers: each event object's `after insert` triggers, in
     * batches of up to 2,000 ("Platform Event Triggers"), in a transaction of their own (fresh static state
     * and limits). What a subscriber publishes is delivered too. Returns how many events were delivered.
     */
    deliverEvents(): number {
        const org = this.org;
        if (!org) return 0;
        let delivered = 0;
        let pending = this.publishedEvents.splice(0);
        while (pending.length) {
            const limits = org.limits;
            const sharingMode = org.sharingMode;
            const subscriber = new Interpreter(this.registry, org);
            subscriber.coverage = this.coverage;
            try {
                for (let i = 0; i < pending.length;) {
                    const type = pending[i].event.type;
                    const batch: ApexSObject[] = [];
                    while (i < pending.length && pending[i].event.type === type && batch.length < 2000)
                        batch.push(pending[i++].event);
                    for (const event of batch) {
                        event.fields.set('CreatedDate', new ApexDatetime(Date.now()));
                        event.readOnly = true;
                    }
                    subscriber.fireTriggers(type, 'after insert', batch, null);
                    delivered += batch.length;
                }
            } finally {
                org.limits = limits;
                org.sharingMode = sharingMode;
            }
            pending = subscriber.publishedEvents.splice(0);
        }
        return delivered;
    }

    // ---------- exceptions ----------

    exceptionOf(typeName: string, message: string | null, cause: ApexObject | null = null): ApexObject {
        const cls = this.system.get(typeName.toLowerCase());
        if (!cls) throw new Error(`no system exception ${typeName}`);
        const object = new ApexObject(cls);
        object.fields.set('message', message);
        object.fields.set('cause', cause);
        object.fields.set('$stack', this.stackTrace());
        return object;
    }

    fail(typeName: string, message: string | null): never {
        throw new ApexThrow(this.exceptionOf(typeName, message));
    }

    npe(): never {
        this.fail('NullPointerException', 'Attempt to de-reference a null object');
    }

    // ---------- classes ----------

    resolveClass(name: string, from: ClassDef | null, viaSuper = true): ClassDef | null {
        const parts = name.split('.');
        let head: ClassDef | null = null;
        for (let scope = from; scope && !head; scope = scope.outer) {
            head = scope.inner.get(parts[0]) ?? (scope.name.toLowerCase() === parts[0] ? scope : null);
            // an inner class sees the inner classes of its superclasses too
            for (
                let sup = scope.outer || !viaSuper ? null : this.superOf(scope);
                sup && !head;
                sup = this.superOf(sup)
            ) {
                head = sup.inner.get(parts[0]) ?? null;
            }
        }
        head ??= this.registry.classes.get(parts[0]) ?? null;
        let rest = parts.slice(1);
        if (!head && parts[0] === 'system' && parts.length > 1) {
            head = this.system.get(parts[1]) ?? null;
            rest = parts.slice(2);
        }
        head ??= this.system.get(parts[0]) ?? null;
        // a platform interface by its qualified name (Database.Batchable)
        if (!head && parts.length > 1) {
            const whole = this.system.get(parts.slice(parts[0] === 'system' ? 1 : 0).join('.'));
            if (whole) return whole;
        }
        for (const part of rest) {
            head = head?.inner.get(part) ?? null;
        }
        return head;
    }

    superOf(cls: ClassDef): ClassDef | null {
        if (cls.superClass === undefined) {
            cls.superClass = cls.superRef
                ? this.resolveClass(cls.superRef.name, cls.outer ?? cls, false)
                : null;
            if (cls.superRef && !cls.superClass) {
                throw unsupported(`superclass ${cls.superRef.display}`, cls.file, cls.line);
            }
        }
        return cls.superClass;
    }

    interfacesOf(cls: ClassDef): ClassDef[] {
        if (!cls.interfaces) {
            cls.interfaces = cls.interfaceRefs.map((ref) => {
                const found = this.resolveClass(ref.name, cls.outer ?? cls, false);
                if (!found) throw unsupported(`interface ${ref.display}`, cls.file, cls.line);
                return found;
            });
        }
        return cls.interfaces;
    }

    isSubclass(cls: ClassDef, target: ClassDef): boolean {
        for (let current: ClassDef | null = cls; current; current = this.superOf(current)) {
            if (current === target) return true;
            for (const iface of this.interfacesOf(current)) {
                if (this.isSubclass(iface, target)) return true;
            }
        }
        return false;
    }

    isException(cls: ClassDef): boolean {
        const base = this.system.get('exception');
        return Boolean(base && this.isSubclass(cls, base));
    }

    enumValuesOf(cls: ClassDef): EnumValue[] {
        let values = this.enumValues.get(cls);
        if (!values) {
            values = cls.enumConstants.map((name, index) => new EnumValue(cls, name, index));
            this.enumValues.set(cls, values);
        }
        return values;
    }

    ensureStatic(cls: ClassDef): void {
        if (this.initialised.has(cls) || cls.kind !== 'class') return;
        this.initialised.add(cls);
        const sup = this.superOf(cls);
        if (sup) this.ensureStatic(sup);
        const store = new Map<string, Value>();
        this.statics.set(cls, store);
        this.withSharingMode(this.sharingOf(cls), () => this.initStatics(cls, store));
    }

    private initStatics(cls: ClassDef, store: Map<string, Value>): void {
        const frame: Frame = {
            cls,
            self: null,
            scopes: [new Map()],
            label: `Class.${cls.qualifiedName}.<clinit>`
        };
        this.inFrame(frame, () => this.initStaticsIn(cls, store, frame));
    }

    private initStaticsIn(cls: ClassDef, store: Map<string, Value>, frame: Frame): void {
        for (const entry of cls.initOrder) {
            if ('field' in entry) {
                if (!entry.field.isStatic) continue;
                if (entry.field.init) this.coverage?.hit(cls.file, entry.field.line);
                const value = entry.field.init ? this.evaluate(entry.field.init, frame) : null;
                store.set(
                    entry.field.name.toLowerCase(),
                    this.coerce(value, entry.field.type, cls, entry.field.line)
                );
            } else if (entry.isStatic) {
                this.execBlock(entry.block, frame);
            }
        }
    }

    /** Finds a static or instance field by name in a class, its superclasses, then its outer classes. */
    private findField(cls: ClassDef, name: string): FieldDef | null {
        for (let current: ClassDef | null = cls; current; current = this.superOf(current)) {
            const field = current.fields.get(name);
            if (field) return field;
        }
        return null;
    }

    findMethod(cls: ClassDef, name: string, args: Value[], staticOnly = false): MethodDef | null {
        const key = `${name.toLowerCase()}/${args.length}/${staticOnly}`;
        const cached = cls.cache.get(key);
        if (cached !== undefined && (cached === null || this.matchesAll(cached, args))) return cached;
        let best: MethodDef | null = null;
        // the depth lowers a score below zero: an inherited method with no typed argument scores -depth
        let bestScore = -Infinity;
        let ambiguousCandidates = 0;
        const visit = (current: ClassDef, depth: number): void => {
            for (const method of current.methods.get(name.toLowerCase()) ?? []) {
                if (method.params.length !== args.length || (staticOnly && !method.isStatic)) continue;
                if (!this.matchesAll(method, args)) continue;
                ambiguousCandidates++;
                const score = this.matchScore(method, args) * 100 - depth;
                // the most derived, most specific method wins; a concrete method beats an abstract one
                if (score > bestScore || (score === bestScore && best?.body === null && method.body)) {
                    best = method;
                    bestScore = score;
                }
            }
        };
        let depth = 0;
        for (let current: ClassDef | null = cls; current; current = this.superOf(current)) {
            visit(current, depth++);
            if (best && (best as MethodDef).body) break;
        }
        if (!best) for (const iface of this.allInterfaces(cls)) visit(iface, 50);
        if (ambiguousCandidates <= 1) cls.cache.set(key, best);
        return best;
    }

    private allInterfaces(cls: ClassDef): ClassDef[] {
        const out: ClassDef[] = [];
        for (let current: ClassDef | null = cls; current; current = this.superOf(current)) {
            for (const iface of this.interfacesOf(current)) out.push(iface, ...this.allInterfaces(iface));
        }
        return out;
    }

    private matchesAll(method: MethodDef, args: Value[]): boolean {
        return method.params.every((param, i) => this.isAssignable(args[i], param.type, method.owner));
    }

    private matchScore(method: MethodDef, args: Value[]): number {
        let score = 0;
        method.params.forEach((param, i) => {
            const arg = args[i];
            if (arg === null || param.type.name === 'object') return;
            score += typeNameOf(arg).toLowerCase() === param.type.name ? 2 : 1;
        });
        return score;
    }

    // ---------- types ----------

    isAssignable(value: Value, type: TypeRef, from: ClassDef | null): boolean {
        if (value === null) return true;
        const name = type.name.replace(/^system\./, '');
        if (name === 'object') return true;
        if (isNumber(value) && NUMERIC_RANK[name]) {
            return NUMERIC_RANK[name] >= NUMERIC_RANK[value.kind.toLowerCase()];
        }
        return this.isInstance(value, type, from);
    }

    isInstance(value: Value, type: TypeRef, from: ClassDef | null): boolean {
        if (value === null) return false;
        const name = type.name.replace(/^system\./, '');
        switch (name) {
            case 'object':
                return true;
            case 'string':
                return typeof value === 'string';
            case 'id':
                return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
            case 'boolean':
                return typeof value === 'boolean';
            case 'integer':
            case 'long':
            case 'decimal':
            case 'double':
                return isNumber(value) && value.kind.toLowerCase() === name;
            case 'date':
                return value instanceof ApexDate;
            case 'datetime':
                return value instanceof ApexDatetime;
            case 'list':
                return value instanceof ApexList;
            case 'set':
                return value instanceof ApexSet;
            case 'map':
                return value instanceof ApexMap;
        }
        const cls = this.resolveClass(name, from);
        if (!cls) {
            const bare = name.replace(/^schema\./, '');
            if (bare === 'sobject') return value instanceof ApexSObject;
            if (bare === 'sobjecttype') return value instanceof SObjectTypeToken;
            if (bare === 'sobjectfield') return value instanceof SObjectFieldToken;
            if (value instanceof PlatformObject) return value.typeNames.includes(name);
            const object = this.sobjectName(name);
            if (object) return value instanceof ApexSObject && value.type === object;
            if (
                [
                    'database.saveresult',
                    'database.deleteresult',
                    'database.error',
                    'savepoint',
                    'system.savepoint',
                    'schema.picklistentry',
                    'picklistentry',
                    'schema.describefieldresult',
                    'describefieldresult',
                    'schema.describesobjectresult',
                    'describesobjectresult',
                    'database.upsertresult',
                    'database.undeleteresult'
                ].includes(name)
            )
                return false;
            throw new UnsupportedError(`unsupported: type ${type.display}`);
        }
        if (value instanceof ApexObject) return this.isSubclass(value.cls, cls);
        if (value instanceof EnumValue) return value.enumDef === cls;
        // a List or Set is an Iterable (a batch's start() may return one)
        if (cls.kind === 'interface' && cls.file === 'System' && cls.name === 'Iterable')
            return value instanceof ApexList || value instanceof ApexSet;
        return false;
    }

    /** A query's rows used as one record: exactly one row, else the platform's QueryException. */
    private singleRow(rows: ApexList): Value {
        if (rows.items.length === 0)
            this.fail('QueryException', 'List has no rows for assignment to SObject');
        if (rows.items.length > 1)
            this.fail('QueryException', 'List has more than 1 row for assignment to SObject');
        return rows.items[0];
    }

    /** Assignment conversion: a declared Decimal holds a Decimal even when given an Integer. */
    coerce(value: Value, type: TypeRef | null, from: ClassDef | null, line: number): Value {
        if (value === null || !type) return value;
        const name = type.name.replace(/^system\./, '');
        if (
            value instanceof ApexList &&
            (name === 'sobject' || name === 'aggregateresult' || (this.org && this.sobjectName(name)))
        ) {
            // `Contact c = [SELECT …]`: a query's rows assigned to one record
            return this.singleRow(value);
        }
        if (name === 'id' && typeof value === 'string') return idOf(this, value);
        if (isNumber(value) && NUMERIC_RANK[name] && value.kind.toLowerCase() !== name) {
            if (NUMERIC_RANK[name] < NUMERIC_RANK[value.kind.toLowerCase()]) {
                throw unsupported(`narrowing ${value.kind} to ${type.display}`, from?.file ?? '?', line);
            }
            return convertNumber(value, name);
        }
        return value;
    }

    // ---------- objects ----------

    instantiate(cls: ClassDef, args: Value[], file: string, line: number): ApexObject {
        if (cls.kind !== 'class' && !(cls.kind === 'system' && this.isException(cls))) {
            throw unsupported(`new ${cls.qualifiedName}`, file, line);
        }
        if (cls.isAbstract) throw unsupported(`new of abstract class ${cls.qualifiedName}`, file, line);
        this.ensureStatic(cls);
        const object = new ApexObject(cls);
        // an exception's trace is where it was made, which is where it is thrown in almost all code
        if (this.isException(cls)) object.fields.set('$stack', this.stackTrace());
        this.construct(cls, object, args, file, line);
        return object;
    }

    private construct(cls: ClassDef, object: ApexObject, args: Value[], file: string, line: number): void {
        if (cls.kind !== 'system') {
            this.withSharingMode(this.sharingOf(cls), () => this.constructIn(cls, object, args, file, line));
            return;
        }
        this.constructIn(cls, object, args, file, line);
    }

    private constructIn(cls: ClassDef, object: ApexObject, args: Value[], file: string, line: number): void {
        if (cls.kind === 'system') {
            // Exception's own constructors: (), (message), (cause), (message, cause)
            const [first, second] = args;
            if (first instanceof ApexObject) object.fields.set('cause', first);
            else if (args.length) object.fields.set('message', first === null ? null : toApexString(first));
            if (second instanceof ApexObject) object.fields.set('cause', second);
            return;
        }
        const ctor = this.pickConstructor(cls, args);
        if (!ctor) {
            if (args.length && !(this.isException(cls) && !cls.constructors.length)) {
                throw unsupported(`constructor ${cls.qualifiedName}/${args.length}`, file, line);
            }
            const sup = this.superOf(cls);
            if (sup) this.construct(sup, object, this.isException(cls) ? args : [], file, line);
            this.initInstance(cls, object);
            return;
        }
        const frame: Frame = {
            cls,
            self: object,
            scopes: [new Map()],
            label: `Class.${cls.qualifiedName}.<init>`
        };
        ctor.params.forEach((param, i) =>
            frame.scopes[0].set(param.name, {
                value: this.coerce(args[i], param.type, cls, ctor.line),
                type: param.type
            })
        );
        const statements = ctor.body ? statementsOf(ctor.body) : [];
        let rest = statements;
        const call = firstCall(statements[0]);
        if (call?.THIS()) {
            const thisArgs = this.evalArgs(argumentsOf(call.expressionList()), frame);
            this.construct(cls, object, thisArgs, file, call.start.line);
            rest = statements.slice(1);
        } else {
            const sup = this.superOf(cls);
            let superArgs: Value[] = [];
            if (call?.SUPER()) {
                superArgs = this.evalArgs(argumentsOf(call.expressionList()), frame);
                rest = statements.slice(1);
            }
            if (sup) this.construct(sup, object, superArgs, file, line);
            this.initInstance(cls, object);
        }
        this.withSharingMode(this.sharingOf(cls), () =>
            this.inFrame(frame, () => {
                for (const statement of rest) {
                    const completion = this.execStatement(statement, frame);
                    if (completion instanceof ReturnSignal) break;
                }
            })
        );
    }

    private pickConstructor(cls: ClassDef, args: Value[]): MethodDef | null {
        const fits = cls.constructors.filter(
            (ctor) => ctor.params.length === args.length && this.matchesAll(ctor, args)
        );
        fits.sort((a, b) => this.matchScore(b, args) - this.matchScore(a, args));
        return fits[0] ?? null;
    }

    private initInstance(cls: ClassDef, object: ApexObject): void {
        const frame: Frame = { cls, self: object, scopes: [new Map()] };
        for (const entry of cls.initOrder) {
            if ('field' in entry) {
                if (entry.field.isStatic) continue;
                if (entry.field.init) this.coverage?.hit(cls.file, entry.field.line);
                const value = entry.field.init ? this.evaluate(entry.field.init, frame) : null;
                object.fields.set(
                    entry.field.name.toLowerCase(),
                    this.coerce(value, entry.field.type, cls, entry.field.line)
                );
            } else if (!entry.isStatic) {
                this.execBlock(entry.block, frame);
            }
        }
    }

    invoke(method: MethodDef, self: ApexObject | null, args: Value[]): Value {
        if (!method.body) {
            throw unsupported(
                `call of abstract method ${method.owner.qualifiedName}.${method.name}`,
                method.owner.file,
                method.line
            );
        }
        const scope = new Map<string, Variable>();
        method.params.forEach((param, i) =>
            scope.set(param.name, {
                value: this.coerce(args[i], param.type, method.owner, method.line),
                type: param.type
            })
        );
        const frame: Frame = {
            cls: method.owner,
            self: method.isStatic ? null : self,
            scopes: [scope],
            label: `Class.${method.owner.qualifiedName}.${method.name}`
        };
        const body = method.body;
        const completion = this.withSharingMode(this.sharingOf(method.owner), () =>
            this.inFrame(frame, () => this.execBlock(body, frame))
        );
        if (completion instanceof ReturnSignal)
            return this.coerce(completion.value, method.returnType, method.owner, method.line);
        return null;
    }

    /** Calls an instance method with virtual dispatch from the object's runtime class. */
    callMethod(object: ApexObject, name: string, args: Value[], file: string, line: number): Value {
        const method = this.findMethod(object.cls, name, args);
        if (method) return this.invoke(method, object, args);
        if (this.isException(object.cls)) {
            if (this.org) {
                const dml = dmlExceptionMethod(this as OrgHost, object, name.toLowerCase(), args);
                if (dml !== undefined) return dml;
            }
            return callInstanceBuiltin(this, object, name.toLowerCase(), args, file, line);
        }
        if (['equals', 'hashcode', 'tostring'].includes(name.toLowerCase())) {
            return callInstanceBuiltin(this, object, name.toLowerCase(), args, file, line);
        }
        throw unsupported(`method ${object.cls.qualifiedName}.${name}/${args.length}`, file, line);
    }

    // ---------- properties and fields ----------

    readField(owner: ClassDef, self: ApexObject | null, field: FieldDef, frame: Frame | null): Value {
        const storage = field.isStatic ? this.staticStore(field.owner) : self;
        if (!storage) this.npe();
        const key = field.name.toLowerCase();
        const read = (): Value =>
            (storage instanceof ApexObject ? storage.fields.get(key) : storage.get(key)) ?? null;
        const prop = field.property;
        if (!prop || !prop.getter || frame?.property === field) return read();
        const accessorFrame: Frame = {
            cls: field.owner,
            self: field.isStatic ? null : self,
            scopes: [new Map()],
            property: field
        };
        const getter = prop.getter;
        const completion = this.withSharingMode(this.sharingOf(field.owner), () =>
            this.execBlock(getter, accessorFrame)
        );
        void owner;
        return completion instanceof ReturnSignal
            ? this.coerce(completion.value, field.type, field.owner, field.line)
            : null;
    }

    writeField(self: ApexObject | null, field: FieldDef, value: Value, frame: Frame | null): void {
        const storage = field.isStatic ? this.staticStore(field.owner) : self;
        if (!storage) this.npe();
        const key = field.name.toLowerCase();
        const converted = this.coerce(value, field.type, field.owner, field.line);
        const prop = field.property;
        if (prop?.setter && frame?.property !== field) {
            const scope = new Map<string, Variable>([['value', { value: converted, type: field.type }]]);
            const setter = prop.setter;
            this.withSharingMode(this.sharingOf(field.owner), () =>
                this.execBlock(setter, {
                    cls: field.owner,
                    self: field.isStatic ? null : self,
                    scopes: [scope],
                    property: field
                })
            );
            return;
        }
        if (storage instanceof ApexObject) storage.fields.set(key, converted);
        else storage.set(key, converted);
    }

    private staticStore(cls: ClassDef): Map<string, Value> {
        this.ensureStatic(cls);
        return this.statics.get(cls) ?? new Map();
    }

    // ---------- statements ----------

    execBlock(block: BlockContext, frame: Frame): Completion {
        frame.scopes.push(new Map());
        try {
            for (const statement of statementsOf(block)) {
                const completion = this.execStatement(statement, frame);
                if (completion !== undefined) return completion;
            }
            return undefined;
        } finally {
            frame.scopes.pop();
        }
    }

    private declare(frame: Frame, decl: LocalVariableDeclarationContext): void {
        const { type, variables } = declarationOf(decl);
        for (const variable of variables) {
            const value = variable.init
                ? this.coerce(this.evaluate(variable.init, frame), type, frame.cls, variable.line)
                : null;
            frame.scopes[frame.scopes.length - 1].set(variable.name, { value, type });
        }
    }

    private statementsRun = 0;

    private inFrame<T>(frame: Frame, work: () => T): T {
        this.callStack.push(frame);
        try {
            return work();
        } finally {
            this.callStack.pop();
        }
    }

    /**
     * The platform's stack trace of the code running now, innermost first: `Class.Outer.Inner.method: line
     * 12, column 5`, `Trigger.Name: line 2, column 1`; the column is the running statement's.
     */
    stackTrace(): string {
        const lines: string[] = [];
        for (let i = this.callStack.length - 1; i >= 0; i--) {
            const frame = this.callStack[i];
            if (frame.line === undefined) continue;
            lines.push(`${frame.label}: line ${frame.line}, column ${frame.column ?? 1}`);
        }
        return lines.join('\n');
    }

    execStatement(statement: StatementContext, frame: Frame): Completion {
        frame.line = statement.start.line;
        frame.column = statement.start.column + 1;
        // the CPU limit is checked every 1,024 statements: reading the process clock costs a system call
        if ((++this.statementsRun & 1023) === 0 && this.org) this.orgCall(() => this.org!.limits.checkCpu());
        this.coverage?.hit(frame.cls.file, statement.start.line);
        try {
            return this.execStatementAt(statement, frame);
        } catch (error) {
            noteUnwind(error, frame.cls.file, statement.start.line);
            // a helper deep in an operator or a system method knows what is unsupported, not where
            if (
                error instanceof Error &&
                !(error instanceof ApexThrow) &&
                /^unsupported: /.test(error.message) &&
                !/ at \S+:\d+$/.test(error.message)
            ) {
                const located = unsupported(
                    error.message.replace(/^unsupported: /, ''),
                    frame.cls.file,
                    statement.start.line
                );
                noteUnwind(located, frame.cls.file, statement.start.line);
                throw located;
            }
            throw error;
        }
    }

    private execStatementAt(statement: StatementContext, frame: Frame): Completion {
        const file = frame.cls.file;
        const shape = statementShapeOf(statement);
        switch (shape.kind) {
            case 'block':
                return this.execBlock(shape.block, frame);
            case 'local':
                this.declare(frame, shape.declaration);
                return undefined;
            case 'expression':
                this.evaluate(shape.expression, frame);
                return undefined;
            case 'if': {
                const condition = this.condition(shape.condition, frame);
                if (condition) return this.execScoped(shape.then, frame);
                return shape.otherwise ? this.execScoped(shape.otherwise, frame) : undefined;
            }
            case 'return':
                return new ReturnSignal(shape.value ? this.evaluate(shape.value, frame) : null);
            case 'for':
                return this.execFor(shape.loop, frame);
            case 'other':
                break;
        }
        if (statement.breakStatement()) return BREAK;
        if (statement.continueStatement()) return CONTINUE;
        const whileStatement = statement.whileStatement();
        if (whileStatement) {
            while (this.condition(whileStatement.parExpression().expression(), frame)) {
                const body = whileStatement.statement();
                const completion = body ? this.execScoped(body, frame) : undefined;
                if (completion === BREAK) break;
                if (completion instanceof ReturnSignal) return completion;
            }
            return undefined;
        }
        const doWhile = statement.doWhileStatement();
        if (doWhile) {
            do {
                const completion = this.execBlock(doWhile.block(), frame);
                if (completion === BREAK) break;
                if (completion instanceof ReturnSignal) return completion;
            } while (this.condition(doWhile.parExpression().expression(), frame));
            return undefined;
        }
        const tryStatement = statement.tryStatement();
        if (tryStatement) return this.execTry(tryStatement, frame);
        const throwStatement = statement.throwStatement();
        if (throwStatement) {
            const thrown = this.evaluate(throwStatement.expression(), frame);
            if (!(thrown instanceof ApexObject) || !this.isException(thrown.cls)) {
                if (thrown === null) this.npe();
                throw unsupported('throw of a non-exception', file, statement.start.line);
            }
            throw new ApexThrow(thrown);
        }
        const switchStatement = statement.switchStatement();
        if (switchStatement) return this.execSwitch(switchStatement, frame);
        const dml = [
            ['insert', statement.insertStatement()],
            ['update', statement.updateStatement()],
            ['delete', statement.deleteStatement()],
            ['undelete', statement.undeleteStatement()],
            ['upsert', statement.upsertStatement()]
        ] as const;
        for (const [operation, ctx] of dml) {
            if (!ctx) continue;
            const host = this.host(`DML ${operation}`, file, statement.start.line);
            // `upsert records Reference__c;` (or Object.Field): matched on that External ID field
            const key = operation === 'upsert' ? statement.upsertStatement().qualifiedName() : null;
            const records = this.evaluate(ctx.expression(), frame);
            // without `as user`, DML runs in system mode (object and field permissions are not checked)
            const access = ctx.accessLevel()?.USER() ? 'user' : 'system';
            dmlStatement(host, operation, records, access, key ? key.getText().split('.').pop()! : null);
            return undefined;
        }
        const runAs = statement.runAsStatement();
        if (runAs) return this.execRunAs(runAs, frame);
        const kinds: [unknown, string][] = [[statement.mergeStatement(), 'DML merge']];
        for (const [ctx, label] of kinds) if (ctx) throw unsupported(label, file, statement.start.line);
        throw unsupported(`statement ${statement.getText().slice(0, 30)}`, file, statement.start.line);
    }

    /**
     * `System.runAs(user) { … }` ("Using the runAs Method"): test code only; the block runs as the user
     * (UserInfo, user-mode permissions, record sharing — enforced in the block whatever the test class's
     * sharing, while methods it calls keep their own class's), with its own mixed-DML context, and counts
     * as one DML statement. The previous user comes back after the block, also when it throws. A User
     * without an Id is inserted first, as the documented examples rely on.
     */
    private execRunAs(ctx: RunAsStatementContext, frame: Frame): Completion {
        const file = frame.cls.file;
        const line = ctx.start.line;
        const host = this.host('System.runAs', file, line);
        let outer: ClassDef = frame.cls;
        while (outer.outer) outer = outer.outer;
        if (!outer.annotations.includes('istest'))
            throw new CompileError(
                `would not compile: System.runAs can only be used in test code at ${file}:${line}`
            );
        const args = argumentsOf(ctx.expressionList());
        const user = args.length === 1 ? this.evaluate(args[0], frame) : undefined;
        if (user === null) this.npe();
        if (!(user instanceof ApexSObject) || user.type !== 'User')
            throw unsupported('System.runAs with a package version', file, line);
        this.orgCall(() => host.org.limits.countDml(0));
        if (!user.fields.get('Id')) dmlStatement(host, 'insert', user, 'system');
        const id = String(user.fields.get('Id'));
        if (!host.org.store.get(id)) this.fail('DmlException', `invalid cross reference id: ${id}`);
        return this.withSharingMode(true, () => host.org.runAs(id, () => this.execBlock(ctx.block(), frame)));
    }

    /** A statement that is not a block still gets its own scope (`if (x) Integer y = 1;`). */
    private execScoped(statement: StatementContext, frame: Frame): Completion {
        // a block opens its own scope: a second, always empty one per loop turn would only cost a Map
        if (statementShapeOf(statement).kind === 'block') return this.execStatement(statement, frame);
        frame.scopes.push(new Map());
        try {
            return this.execStatement(statement, frame);
        } finally {
            frame.scopes.pop();
        }
    }

    private condition(expression: ExpressionContext, frame: Frame): boolean {
        const value = this.evaluate(expression, frame);
        if (value === null) this.npe();
        if (typeof value !== 'boolean')
            throw unsupported('non-Boolean condition', frame.cls.file, expression.start.line);
        return value;
    }

    private execFor(
        statement: NonNullable<ReturnType<StatementContext['forStatement']>>,
        frame: Frame
    ): Completion {
        const control = statement.forControl();
        const body = statement.statement();
        frame.scopes.push(new Map());
        try {
            const enhanced = control.enhancedForControl();
            if (enhanced) {
                const type = typeRefOf(enhanced.typeRef());
                const name = lowerTextOf(enhanced.id());
                const isSoql =
                    enhanced.expression() instanceof PrimaryExpressionContext &&
                    (enhanced.expression() as PrimaryExpressionContext).primary() instanceof
                        SoqlPrimaryContext;
                const source = this.evaluate(enhanced.expression(), frame);
                if (source === null) this.npe();
                let items: Value[];
                if (isSoql && source instanceof ApexList && type.name === 'list') {
                    // `for (List<Contact> chunk : [SELECT …])`: the rows in lists of 200
                    items = [];
                    for (let i = 0; i < source.items.length; i += 200)
                        items.push(new ApexList(type.args[0] ?? null, source.items.slice(i, i + 200)));
                } else if (source instanceof ApexList) items = [...source.items];
                else if (source instanceof ApexSet) items = [...source.entries.values()];
                else
                    throw unsupported('for-each over a non-collection', frame.cls.file, statement.start.line);
                for (const item of items) {
                    frame.scopes[frame.scopes.length - 1].set(name, {
                        value: this.coerce(item, type, frame.cls, statement.start.line),
                        type
                    });
                    const completion = body ? this.execScoped(body, frame) : undefined;
                    if (completion === BREAK) break;
                    if (completion instanceof ReturnSignal) return completion;
                }
                return undefined;
            }
            const init = control.forInit();
            if (init?.localVariableDeclaration()) this.declare(frame, init.localVariableDeclaration());
            else
                for (const expr of init?.expressionList()?.expression_list() ?? [])
                    this.evaluate(expr, frame);
            const test = control.expression();
            const updates = argumentsOf(control.forUpdate()?.expressionList());
            for (;;) {
                if (test && !this.condition(test, frame)) break;
                const completion = body ? this.execScoped(body, frame) : undefined;
                if (completion === BREAK) break;
                if (completion instanceof ReturnSignal) return completion;
                for (const expr of updates) this.evaluate(expr, frame);
            }
            return undefined;
        } finally {
            frame.scopes.pop();
        }
    }

    private execTry(
        statement: NonNullable<ReturnType<StatementContext['tryStatement']>>,
        frame: Frame
    ): Completion {
        let completion: Completion;
        try {
            completion = this.execBlock(statement.block(), frame);
        } catch (error) {
            if (!(error instanceof ApexThrow)) throw error;
            // "Limit exceptions can't be caught": the transaction ends
            if (error.exception.cls.name === 'LimitException') throw error;
            const clause = statement
                .catchClause_list()
                .find((candidate) =>
                    this.isInstance(
                        error.exception,
                        simpleType(candidate.qualifiedName().getText()),
                        frame.cls
                    )
                );
            if (!clause) {
                const finallyBlock = statement.finallyBlock();
                if (finallyBlock) {
                    const finallyCompletion = this.execBlock(finallyBlock.block(), frame);
                    if (finallyCompletion !== undefined) return finallyCompletion;
                }
                throw error;
            }
            frame.scopes.push(
                new Map([[clause.id().getText().toLowerCase(), { value: error.exception, type: null }]])
            );
            try {
                completion = this.execBlock(clause.block(), frame);
            } catch (inner) {
                const finallyBlock = statement.finallyBlock();
                if (finallyBlock) this.execBlock(finallyBlock.block(), frame);
                throw inner;
            } finally {
                frame.scopes.pop();
            }
        }
        const finallyBlock = statement.finallyBlock();
        if (finallyBlock) {
            const finallyCompletion = this.execBlock(finallyBlock.block(), frame);
            if (finallyCompletion !== undefined) return finallyCompletion;
        }
        return completion;
    }

    private execSwitch(
        statement: NonNullable<ReturnType<StatementContext['switchStatement']>>,
        frame: Frame
    ): Completion {
        const value = this.evaluate(statement.expression(), frame);
        for (const when of statement.whenControl_list()) {
            const whenValue = when.whenValue();
            let matched = false;
            let binding: [string, Value] | null = null;
            if (whenValue.ELSE()) matched = true;
            else if (whenValue.typeRef()) {
                const type = typeRefOf(whenValue.typeRef());
                matched = this.isInstance(value, type, frame.cls);
                if (matched) binding = [whenValue.id().getText().toLowerCase(), value];
            } else {
                matched = whenValue
                    .whenLiteral_list()
                    .some((literal) => this.whenMatches(literal, value, frame));
            }
            if (!matched) continue;
            frame.scopes.push(new Map(binding ? [[binding[0], { value: binding[1], type: null }]] : []));
            try {
                return this.execBlock(when.block(), frame);
            } finally {
                frame.scopes.pop();
            }
        }
        return undefined;
    }

    private whenMatches(literal: WhenLiteralContext, value: Value, frame: Frame): boolean {
        if (literal.whenLiteral()) return this.whenMatches(literal.whenLiteral(), value, frame);
        if (literal.NULL()) return value === null;
        if (value === null) return false;
        const negative = literal.SUB_list().length % 2 === 1;
        if (literal.IntegerLiteral() || literal.LongLiteral()) {
            const text = (literal.IntegerLiteral() ?? literal.LongLiteral()).getText().replace(/[lL]$/, '');
            return isNumber(value) && value.value === (negative ? -Number(text) : Number(text));
        }
        if (literal.StringLiteral()) return value === unquote(literal.StringLiteral().getText());
        if (literal.qualifiedName() && value instanceof EnumValue) {
            const name = literal.qualifiedName().getText().split('.').pop() ?? '';
            return value.name.toLowerCase() === name.toLowerCase();
        }
        throw unsupported(`when ${literal.getText()}`, frame.cls.file, literal.start.line);
    }

    // ---------- expressions ----------

    evalArgs(expressions: ExpressionContext[], frame: Frame): Value[] {
        return expressions.map((expression) => this.evaluate(expression, frame));
    }

    private lookupVariable(frame: Frame, name: string): Variable | null {
        for (let i = frame.scopes.length - 1; i >= 0; i--) {
            const found = frame.scopes[i].get(name);
            if (found) return found;
        }
        return null;
    }

    /** A bare name: local, then field of this class chain or an outer class, then a type. */
    private resolveName(name: string, frame: Frame, line: number): Value {
        const local = this.lookupVariable(frame, name);
        if (local) return local.value;
        for (let scope: ClassDef | null = frame.cls; scope; scope = scope.outer) {
            const field = this.findField(scope, name);
            if (field) {
                if (!field.isStatic && scope !== frame.cls) continue;
                if (!field.isStatic && !frame.self)
                    throw unsupported(`instance field ${name} from static context`, frame.cls.file, line);
                return this.readField(scope, field.isStatic ? null : frame.self, field, frame);
            }
        }
        const cls = this.resolveClass(name, frame.cls);
        if (cls) return new TypeValue(cls.qualifiedName, cls);
        if (isBuiltinType(name)) return new TypeValue(name, null);
        const object = this.sobjectName(name);
        if (object) return new TypeValue(object, null, object);
        throw unsupported(`name ${name}`, frame.cls.file, line);
    }

    private assignName(name: string, value: Value, frame: Frame, line: number): void {
        const local = this.lookupVariable(frame, name);
        if (local) {
            local.value = this.coerce(value, local.type, frame.cls, line);
            return;
        }
        for (let scope: ClassDef | null = frame.cls; scope; scope = scope.outer) {
            const field = this.findField(scope, name);
            if (field && (field.isStatic || scope === frame.cls)) {
                this.writeField(field.isStatic ? null : frame.self, field, value, frame);
                return;
            }
        }
        throw unsupported(`assignment to ${name}`, frame.cls.file, line);
    }

    evaluate(expression: ExpressionContext, frame: Frame): Value {
        const file = frame.cls.file;
        const line = expression.start.line;
        if (expression instanceof PrimaryExpressionContext) return this.evalPrimary(expression, frame);
        if (expression instanceof SubExpressionContext)
            return this.evaluate(operandsOf(expression)[0], frame);
        if (expression instanceof DotExpressionContext) return this.evalDot(expression, frame);
        if (expression instanceof MethodCallExpressionContext)
            return this.evalMethodCall(expression.methodCall(), frame);
        if (expression instanceof NewExpressionContext) return this.evalNew(expression, frame);
        if (expression instanceof ArrayExpressionContext) {
            const target = this.evaluate(operandsOf(expression)[0], frame);
            const index = this.evaluate(operandsOf(expression)[1], frame);
            if (target === null) this.npe();
            if (target instanceof ApexList) return listGet(this, target, index);
            throw unsupported('index of a non-list', file, line);
        }
        if (expression instanceof AssignExpressionContext) return this.evalAssign(expression, frame);
        if (expression instanceof LogAndExpressionContext) {
            return (
                this.condition(operandsOf(expression)[0], frame) &&
                this.condition(operandsOf(expression)[1], frame)
            );
        }
        if (expression instanceof LogOrExpressionContext) {
            return (
                this.condition(operandsOf(expression)[0], frame) ||
                this.condition(operandsOf(expression)[1], frame)
            );
        }
        if (expression instanceof CondExpressionContext) {
            return this.condition(operandsOf(expression)[0], frame)
                ? this.evaluate(operandsOf(expression)[1], frame)
                : this.evaluate(operandsOf(expression)[2], frame);
        }
        if (expression instanceof CoalExpressionContext) {
            const left = this.evaluate(operandsOf(expression)[0], frame);
            return left !== null ? left : this.evaluate(operandsOf(expression)[1], frame);
        }
        if (expression instanceof EqualityExpressionContext) {
            const left = this.evaluate(operandsOf(expression)[0], frame);
            const right = this.evaluate(operandsOf(expression)[1], frame);
            const op = childTextsOf(expression)[1];
            if (op === '===' || op === '!==') {
                const same =
                    left instanceof ApexObject ||
                    left instanceof ApexList ||
                    left instanceof ApexSet ||
                    left instanceof ApexMap
                        ? left === right
                        : apexEquals(this, left, right, true);
                return op === '===' ? same : !same;
            }
            const equal = apexEquals(this, left, right, false);
            return op === '==' ? equal : !equal;
        }
        if (expression instanceof CmpExpressionContext) {
            const left = this.evaluate(operandsOf(expression)[0], frame);
            const right = this.evaluate(operandsOf(expression)[1], frame);
            const op = memo(comparisonOperators, expression, (node) =>
                childTextsOf(node).slice(1, -1).join('')
            );
            const result = compare(left, right);
            if (result === null) return false;
            if (op === '<') return result < 0;
            if (op === '<=') return result <= 0;
            if (op === '>') return result > 0;
            return result >= 0;
        }
        if (expression instanceof Arth1ExpressionContext || expression instanceof Arth2ExpressionContext) {
            const left = this.evaluate(operandsOf(expression)[0], frame);
            const right = this.evaluate(operandsOf(expression)[1], frame);
            return arith(this, childTextsOf(expression)[1], left, right);
        }
        if (expression instanceof NegExpressionContext) {
            const value = this.evaluate(operandsOf(expression)[0], frame);
            if (childTextsOf(expression)[0] === '!') {
                if (value === null) this.npe();
                return !value;
            }
            throw unsupported('bitwise not', file, line);
        }
        if (expression instanceof PreOpExpressionContext) {
            const op = childTextsOf(expression)[0];
            if (op === '-' || op === '+') {
                const value = this.evaluate(operandsOf(expression)[0], frame);
                if (value === null) this.npe();
                return op === '-' ? arith(this, '-', zeroOf(value), value) : value;
            }
            const value = this.evaluate(operandsOf(expression)[0], frame);
            const next = arith(this, op === '++' ? '+' : '-', value, ApexNumber.int(1));
            this.assignTo(operandsOf(expression)[0], next, frame);
            return next;
        }
        if (expression instanceof PostOpExpressionContext) {
            const op = childTextsOf(expression)[1];
            const value = this.evaluate(operandsOf(expression)[0], frame);
            this.assignTo(
                operandsOf(expression)[0],
                arith(this, op === '++' ? '+' : '-', value, ApexNumber.int(1)),
                frame
            );
            return value;
        }
        if (expression instanceof InstanceOfExpressionContext) {
            const value = this.evaluate(operandsOf(expression)[0], frame);
            return this.isInstance(value, typeRefOf(expression.typeRef()), frame.cls);
        }
        if (expression instanceof CastExpressionContext) {
            const value = this.evaluate(operandsOf(expression)[0], frame);
            const type = typeRefOf(expression.typeRef());
            if (value === null) return null;
            if (isNumber(value) && NUMERIC_RANK[type.name.replace(/^system\./, '')]) {
                return convertNumber(value, type.name.replace(/^system\./, ''));
            }
            if (!this.isInstance(value, type, frame.cls)) {
                this.fail(
                    'TypeException',
                    `Invalid conversion from runtime type ${typeNameOf(value)} to ${type.display}`
                );
            }
            return value;
        }
        if (
            expression instanceof BitExpressionContext ||
            expression instanceof BitAndExpressionContext ||
            expression instanceof BitOrExpressionContext ||
            expression instanceof BitNotExpressionContext
        ) {
            throw unsupported('bitwise operator', file, line);
        }
        throw unsupported(`expression ${expression.getText().slice(0, 40)}`, file, line);
    }

    private evalPrimary(expression: PrimaryExpressionContext, frame: Frame): Value {
        const primary = primaryOf(expression);
        const line = expression.start.line;
        if (primary instanceof LiteralPrimaryContext) return literalOf(primary);
        if (primary instanceof IdPrimaryContext) return this.resolveName(lowerTextOf(primary), frame, line);
        if (primary instanceof ThisPrimaryContext) {
            if (!frame.self) throw unsupported('this in static context', frame.cls.file, line);
            return frame.self;
        }
        if (primary instanceof TypeRefPrimaryContext) {
            const type = typeRefOf(primary.typeRef());
            return new TypeValue(type.display, this.resolveClass(type.name, frame.cls));
        }
        if (primary instanceof SoqlPrimaryContext) {
            const host = this.host('SOQL query', frame.cls.file, line);
            return this.orgCall(() =>
                host.org.query({
                    kind: 'static',
                    node: primary.soqlLiteral(),
                    bind: (bound) => this.evaluate(bound, frame),
                    access: 'system',
                    withSharing: this.isWithSharing(),
                    origin: { file: frame.cls.file, line }
                })
            );
        }
        if (primary instanceof SuperPrimaryContext)
            throw unsupported('super as a value', frame.cls.file, line);
        throw unsupported(`primary ${primary.getText().slice(0, 30)}`, frame.cls.file, line);
    }

    private evalDot(expression: DotExpressionContext, frame: Frame): Value {
        const line = expression.start.line;
        const file = frame.cls.file;
        const {
            nullSafe,
            inner,
            call,
            name,
            written,
            onSuper,
            fieldOf,
            innerIsSoql,
            args: callArgs
        } = dotShapeOf(expression);
        // super.method(...): the superclass's implementation on this object
        if (onSuper) {
            const sup = this.superOf(frame.cls);
            if (!sup || !frame.self || !call) throw unsupported('super', file, line);
            const args = this.evalArgs(callArgs, frame);
            const method = this.findMethod(sup, name, args);
            if (!method) throw unsupported(`super.${name}`, file, line);
            return this.invoke(method, frame.self, args);
        }
        // record.Field.addError(message): the error belongs to the field, not to the field's value
        if (call && fieldOf) {
            const owner = this.evalTarget(fieldOf.owner, frame);
            if (owner instanceof ApexSObject) {
                const args = this.evalArgs(callArgs, frame);
                const host = this.host('addError', file, line);
                this.compiled(
                    () => addFieldError(host, owner, fieldOf.written, args[0] ?? null),
                    frame,
                    line
                );
                return null;
            }
        }
        let target = this.evalTarget(inner, frame);
        if (!call && target instanceof ApexList && innerIsSoql) {
            // `[SELECT Name FROM Account].Name`: the query stands for its one row ("Using SOQL Queries
            // That Return One Record"); with `?.` no row reads as null
            if (nullSafe && target.items.length === 0) return null;
            target = this.singleRow(target);
        }
        if (target === null) {
            if (nullSafe) return null;
            this.npe();
        }
        if (call) {
            const args = this.evalArgs(callArgs, frame);
            if (target instanceof TypeValue) return this.callOnType(target, name, args, frame, line);
            if (target instanceof ApexObject) return this.callMethod(target, name, args, file, line);
            if (target instanceof ApexSObject)
                return sobjectMethod(this.host('SObject', file, line), target, name, args, file, line);
            if (target instanceof SObjectTypeToken || target instanceof SObjectFieldToken)
                return tokenMethod(this.host('Schema', file, line), target, name, args, file, line);
            if (target instanceof PlatformObject && (target.kind === 'Pattern' || target.kind === 'Matcher'))
                return regexMethod(
                    target,
                    name,
                    args,
                    (type, message) => this.fail(type, message),
                    file,
                    line
                );
            if (target instanceof PlatformObject)
                return platformMethod(this.host('Schema', file, line), target, name, args, file, line);
            if (typeof target === 'string' && name === 'getsobjecttype' && this.org) {
                // Id.getSObjectType(): the object the Id's key prefix names
                const object = this.org.objectOfId(target);
                if (!object) this.fail('StringException', `Invalid id: ${target}`);
                return this.org.catalog.typeToken(object);
            }
            return callInstanceBuiltin(this, target, name, args, file, line);
        }
        if (target instanceof ApexSObject) {
            return this.compiled(
                () => readSObjectField(this.host('SObject', file, line), target, written, false),
                frame,
                line
            );
        }
        if (target instanceof PlatformObject)
            return platformMember(this.host('Schema', file, line), target, name, file, line);
        if (target instanceof TypeValue) return this.staticMember(target, name, frame, line);
        if (target instanceof ApexObject) {
            const field = this.findField(target.cls, name);
            if (field && !field.isStatic) return this.readField(target.cls, target, field, frame);
            if (this.isException(target.cls)) throw unsupported(`field ${name} of an exception`, file, line);
        }
        if (target instanceof ApexList && name === 'length') throw unsupported('array length', file, line);
        throw unsupported(`field ${name} of ${typeNameOf(target)}`, file, line);
    }

    /** Evaluates the left of a dot, where a dotted name may be a namespace or a type (System.Math). */
    private evalTarget(expression: ExpressionContext, frame: Frame): Value {
        if (
            expression instanceof PrimaryExpressionContext &&
            primaryOf(expression) instanceof IdPrimaryContext
        ) {
            const name = lowerTextOf(expression);
            if ((name === 'system' || name === 'schema') && !this.lookupVariable(frame, name))
                return new TypeValue(name, null);
        }
        return this.evaluate(expression, frame);
    }

    private staticMember(type: TypeValue, name: string, frame: Frame, line: number): Value {
        const cls = type.cls;
        const file = frame.cls.file;
        if (type.sobject)
            return objectMember(this.host('Schema', file, line), type.sobject, name, file, line);
        if (!cls && type.name === 'trigger') return this.triggerMember(name, file, line);
        if (!cls && type.name === 'schema.sobjecttype') {
            // Schema.SObjectType.Contact: the object's describe
            return describeObjectOf(this.host('Schema', file, line), name);
        }
        if (!cls && type.name.toLowerCase() === 'schema' && name === 'sobjecttype')
            return new TypeValue('schema.sobjecttype', null);
        if (cls) {
            if (cls.kind === 'enum') {
                const value = this.enumValuesOf(cls).find(
                    (candidate) => candidate.name.toLowerCase() === name
                );
                if (value) return value;
            }
            const field = this.findField(cls, name);
            if (field?.isStatic) return this.readField(cls, null, field, frame);
            const inner = cls.inner.get(name);
            if (inner) return new TypeValue(inner.qualifiedName, inner);
            throw unsupported(`static member ${cls.qualifiedName}.${name}`, frame.cls.file, line);
        }
        const namespace = type.name.toLowerCase();
        if (namespace === 'system' || namespace === 'schema') {
            const sys = this.system.get(name);
            if (sys) return new TypeValue(sys.qualifiedName, sys);
            if (isBuiltinType(name)) return new TypeValue(name, null);
        }
        return staticBuiltinField(this, namespace, name, frame.cls.file, line);
    }

    private callOnType(type: TypeValue, name: string, args: Value[], frame: Frame, line: number): Value {
        const cls = type.cls;
        if (cls && cls.kind === 'enum') {
            if (name === 'values') return new ApexList(simpleType(cls.name), [...this.enumValuesOf(cls)]);
            if (name === 'valueof') {
                const wanted = args[0];
                return this.enumValuesOf(cls).find((value) => value.name === wanted) ?? null;
            }
        }
        if (cls && cls.kind !== 'system') {
            this.ensureStatic(cls);
            const method = this.findMethod(cls, name, args, true);
            if (!method)
                throw unsupported(
                    `static method ${cls.qualifiedName}.${name}/${args.length}`,
                    frame.cls.file,
                    line
                );
            return this.invoke(method, null, args);
        }
        if (type.sobject)
            return objectStaticCall(
                this.host('Schema', frame.cls.file, line),
                type.sobject,
                name,
                args,
                frame.cls.file,
                line
            );
        const typeName = (cls?.name ?? type.name).toLowerCase();
        if (this.org) {
            this.callSite = { file: frame.cls.file, line };
            const result = this.orgCall(() => platformStatic(this as OrgHost, typeName, name, args));
            if (result !== undefined) return result;
        } else if (['database', 'limits', 'userinfo', 'crypto', 'test'].includes(typeName)) {
            throw unsupported(`${typeName}.${name} without an org`, frame.cls.file, line);
        }
        return callStaticBuiltin(this, typeName, name, args, frame.cls.file, line);
    }

    private evalMethodCall(call: MethodCallContext, frame: Frame): Value {
        const line = call.start.line;
        if (call.THIS() || call.SUPER())
            throw unsupported(
                'this(...)/super(...) outside the first line of a constructor',
                frame.cls.file,
                line
            );
        const name = lowerTextOf(call.id());
        const args = this.evalArgs(argumentsOf(call.expressionList()), frame);
        for (let scope: ClassDef | null = frame.cls; scope; scope = scope.outer) {
            const instanceOk = scope === frame.cls && frame.self;
            // virtual dispatch: an instance call from inside a class starts at the object's own class
            const startClass = instanceOk && frame.self ? frame.self.cls : scope;
            const method = this.findMethod(startClass, name, args, !instanceOk);
            if (method) return this.invoke(method, method.isStatic ? null : frame.self, args);
            if (!instanceOk) continue;
            const staticMethod = this.findMethod(scope, name, args, true);
            if (staticMethod) return this.invoke(staticMethod, null, args);
        }
        throw unsupported(`method ${name}/${args.length}`, frame.cls.file, line);
    }

    private evalNew(expression: NewExpressionContext, frame: Frame): Value {
        const creator = expression.creator();
        const line = expression.start.line;
        const file = frame.cls.file;
        const pairs = creator.createdName().idCreatedNamePair_list();
        const display = pairs.map((pair) => pair.anyId().getText()).join('.');
        const args: TypeRef[] = pairs.flatMap((pair) => pair.typeList()?.typeRef_list().map(typeRefOf) ?? []);
        const name = display.toLowerCase().replace(/^system\./, '');
        if (name === 'list' || name === 'set' || name === 'map') {
            return this.newCollection(name, args, creator, frame);
        }
        const arrayRest = creator.arrayCreatorRest();
        if (arrayRest) {
            // `new String[]{...}` and `new Integer[n]` are lists
            const list = new ApexList(simpleType(display));
            if (arrayRest.expression()) {
                const size = this.evaluate(arrayRest.expression(), frame);
                if (!isNumber(size)) this.npe();
                for (let i = 0; i < size.value; i++) list.items.push(null);
            } else {
                const init = arrayRest.arrayInitializer();
                for (const item of init?.expression_list() ?? []) list.items.push(this.evaluate(item, frame));
            }
            return list;
        }
        const cls = this.resolveClass(name, frame.cls);
        const object = cls ? null : this.sobjectName(name);
        if (object) return this.newRecord(object, creator, frame);
        const made = cls ? null : newApprovalObject(name);
        if (made) return made;
        if (!cls) throw unsupported(`new ${display}`, file, line);
        const rest = creator.classCreatorRest();
        if (!rest) throw unsupported(`new ${display} with an initialiser`, file, line);
        const values = this.argsOf(rest.arguments(), frame);
        return this.instantiate(cls, values, file, line);
    }

    /** `new Contact(LastName = 'X', AccountId = a.Id)`: each argument names a field. */
    private newRecord(
        object: string,
        creator: NonNullable<ReturnType<NewExpressionContext['creator']>>,
        frame: Frame
    ): ApexSObject {
        const line = creator.start.line;
        const host = this.host(`new ${object}`, frame.cls.file, line);
        const record = newSObject(host, object);
        const args = argumentsOf(creator.classCreatorRest()?.arguments().expressionList());
        for (const arg of args) {
            const target = arg instanceof AssignExpressionContext ? operandsOf(arg)[0] : null;
            if (
                !(arg instanceof AssignExpressionContext) ||
                childTextsOf(arg)[1] !== '=' ||
                !(target instanceof PrimaryExpressionContext) ||
                !(target.primary() instanceof IdPrimaryContext)
            )
                throw unsupported(
                    `new ${object} with an argument that is not Field = value`,
                    frame.cls.file,
                    line
                );
            const value = this.evaluate(operandsOf(arg)[1], frame);
            this.compiled(() => writeSObjectField(host, record, textOf(target), value, false), frame, line);
        }
        return record;
    }

    /** Runs a step that may meet code the compiler would refuse, naming where. */
    private compiled<T>(work: () => T, frame: Frame, line: number): T {
        try {
            return work();
        } catch (error) {
            if (error instanceof CompileError && !/ at \S+:\d+$/.test(error.message))
                throw new CompileError(
                    `${error.message.replace(/^would not compile: /, '')} at ${frame.cls.file.split('/').pop()}:${line}`
                );
            throw error;
        }
    }

    private argsOf(args: ArgumentsContext, frame: Frame): Value[] {
        return this.evalArgs(argumentsOf(args.expressionList()), frame);
    }

    private newCollection(
        name: string,
        typeArgs: TypeRef[],
        creator: NonNullable<ReturnType<NewExpressionContext['creator']>>,
        frame: Frame
    ): Value {
        const file = frame.cls.file;
        const line = creator.start.line;
        const from = creator.classCreatorRest()
            ? this.argsOf(creator.classCreatorRest().arguments(), frame)
            : [];
        if (from.length > 1) throw unsupported(`new ${name} with ${from.length} arguments`, file, line);
        const source = from[0];
        if (name === 'list') {
            const list = new ApexList(typeArgs[0] ?? null);
            const init = creator.arrayCreatorRest()?.arrayInitializer();
            const setInit = creator.setCreatorRest();
            for (const item of init?.expression_list() ?? setInit?.expression_list() ?? []) {
                list.items.push(this.coerce(this.evaluate(item, frame), list.elemType, frame.cls, line));
            }
            if (source instanceof ApexList) list.items.push(...source.items);
            else if (source instanceof ApexSet) list.items.push(...source.entries.values());
            else if (source !== undefined) throw unsupported('new List from this value', file, line);
            return list;
        }
        if (name === 'set') {
            const set = new ApexSet(typeArgs[0] ?? null);
            const items =
                creator
                    .setCreatorRest()
                    ?.expression_list()
                    .map((item) => this.evaluate(item, frame)) ?? [];
            if (source instanceof ApexList) items.push(...source.items);
            else if (source instanceof ApexSet) items.push(...source.entries.values());
            else if (source !== undefined) throw unsupported('new Set from this value', file, line);
            for (const item of items)
                callInstanceBuiltin(
                    this,
                    set,
                    'add',
                    [this.coerce(item, set.elemType, frame.cls, line)],
                    file,
                    line
                );
            return set;
        }
        const map = new ApexMap(typeArgs[0] ?? null, typeArgs[1] ?? null);
        for (const pair of creator.mapCreatorRest()?.mapCreatorRestPair_list() ?? []) {
            const key = this.evaluate(pair.expression(0), frame);
            const value = this.coerce(
                this.evaluate(pair.expression(1), frame),
                map.valueType,
                frame.cls,
                line
            );
            callInstanceBuiltin(this, map, 'put', [key, value], file, line);
        }
        if (source instanceof ApexMap)
            for (const [key, value] of source.entries.values())
                callInstanceBuiltin(this, map, 'put', [key, value], file, line);
        else if (source instanceof ApexList) {
            // new Map<Id, Contact>(records): keyed by Id
            source.items.forEach((record, index) => {
                if (!(record instanceof ApexSObject))
                    throw unsupported('new Map from a list of non-records', file, line);
                const id = record.fields.get('Id') ?? null;
                if (id === null) this.fail('ListException', `Row with null Id at index: ${index}`);
                if (map.entries.has(`s:${String(id)}`))
                    this.fail('ListException', `Row with duplicate Id at index: ${index}`);
                callInstanceBuiltin(this, map, 'put', [id, record], file, line);
            });
        } else if (source !== undefined) throw unsupported('new Map from this value', file, line);
        return map;
    }

    private evalAssign(expression: AssignExpressionContext, frame: Frame): Value {
        const op = childTextsOf(expression)[1];
        const [target, source] = operandsOf(expression);
        let value = this.evaluate(source, frame);
        if (op !== '=') {
            const current = this.evaluate(target, frame);
            const arithmetic = op.slice(0, -1);
            if (!['+', '-', '*', '/'].includes(arithmetic))
                throw unsupported(`operator ${op}`, frame.cls.file, expression.start.line);
            value = arith(this, arithmetic, current, value);
        }
        this.assignTo(target, value, frame);
        return value;
    }

    private assignTo(target: ExpressionContext, value: Value, frame: Frame): void {
        const line = target.start.line;
        if (target instanceof PrimaryExpressionContext && primaryOf(target) instanceof IdPrimaryContext) {
            this.assignName(lowerTextOf(target), value, frame, line);
            return;
        }
        const dot = target instanceof DotExpressionContext ? dotShapeOf(target) : null;
        if (dot && !dot.call) {
            const owner = this.evalTarget(dot.inner, frame);
            const name = dot.name;
            if (owner === null) this.npe();
            if (owner instanceof ApexSObject) {
                const host = this.host('SObject', frame.cls.file, line);
                this.compiled(() => writeSObjectField(host, owner, dot.written, value, false), frame, line);
                return;
            }
            if (owner instanceof ApexObject) {
                const field = this.findField(owner.cls, name);
                if (field && !field.isStatic) {
                    this.writeField(owner, field, value, frame);
                    return;
                }
            }
            if (owner instanceof TypeValue && owner.cls) {
                const field = this.findField(owner.cls, name);
                if (field?.isStatic) {
                    this.writeField(null, field, value, frame);
                    return;
                }
            }
            throw unsupported(`assignment to ${target.getText()}`, frame.cls.file, line);
        }
        if (target instanceof ArrayExpressionContext) {
            const list = this.evaluate(target.expression(0), frame);
            const index = this.evaluate(target.expression(1), frame);
            if (list === null) this.npe();
            if (!(list instanceof ApexList))
                throw unsupported('index assignment to a non-list', frame.cls.file, line);
            listGet(this, list, index);
            list.items[(index as ApexNumber).value] = this.coerce(value, list.elemType, frame.cls, line);
            return;
        }
        throw unsupported(`assignment to ${target.getText()}`, frame.cls.file, line);
    }
}

const comparisonOperators = new WeakMap<ExpressionContext, string>();

/** The statements that run most, told apart once per node; the rest are read from the node as written. */
type StatementShape =
    | { kind: 'block'; block: BlockContext }
    | { kind: 'local'; declaration: LocalVariableDeclarationContext }
    | { kind: 'expression'; expression: ExpressionContext }
    | { kind: 'if'; condition: ExpressionContext; then: StatementContext; otherwise: StatementContext | null }
    | { kind: 'return'; value: ExpressionContext | null }
    | { kind: 'for'; loop: ForStatementContext }
    | { kind: 'other' };

const statementShapes = new WeakMap<StatementContext, StatementShape>();
const blockStatements = new WeakMap<BlockContext, StatementContext[]>();

/** A local declaration read once: `Integer a = 1, b;` → its type and each variable's name and initialiser. */
interface Declaration {
    type: TypeRef;
    variables: { name: string; init: ExpressionContext | null; line: number }[];
}

const declarations = new WeakMap<LocalVariableDeclarationContext, Declaration>();

function declarationOf(decl: LocalVariableDeclarationContext): Declaration {
    return memo(declarations, decl, (node) => ({
        type: typeRefOf(node.typeRef()),
        variables: node
            .variableDeclarators()
            .variableDeclarator_list()
            .map((declarator) => ({
                name: lowerTextOf(declarator.id()),
                init: declarator.expression() ?? null,
                line: declarator.start.line
            }))
    }));
}

function statementsOf(block: BlockContext): StatementContext[] {
    return memo(blockStatements, block, (node) => node.statement_list());
}

function statementShapeOf(statement: StatementContext): StatementShape {
    return memo(statementShapes, statement, (node): StatementShape => {
        const block = node.block();
        if (block) return { kind: 'block', block };
        const local = node.localVariableDeclarationStatement();
        if (local) return { kind: 'local', declaration: local.localVariableDeclaration() };
        const expression = node.expressionStatement();
        if (expression) return { kind: 'expression', expression: expression.expression() };
        const ifStatement = node.ifStatement();
        if (ifStatement) {
            const branches = ifStatement.statement_list();
            return {
                kind: 'if',
                condition: ifStatement.parExpression().expression(),
                then: branches[0],
                otherwise: branches[1] ?? null
            };
        }
        const ret = node.returnStatement();
        if (ret) return { kind: 'return', value: ret.expression() ?? null };
        const loop = node.forStatement();
        if (loop) return { kind: 'for', loop };
        return { kind: 'other' };
    });
}

/** What a dotted expression is, read once per node: `inner.name`, `inner.name(args)`, `inner?.name`. */
interface DotShape {
    nullSafe: boolean;
    inner: ExpressionContext;
    call: DotMethodCallContext | null;
    /** the member's name, lower-cased */
    name: string;
    /** the member's name as written (an SObject field keeps its spelling for messages) */
    written: string;
    /** a call's arguments */
    args: ExpressionContext[];
    /** `super.method(...)` */
    onSuper: boolean;
    /** `record.Field.addError(...)`: the record's expression and the field as written */
    fieldOf: { owner: ExpressionContext; written: string } | null;
    /** `[SELECT …].Field` */
    innerIsSoql: boolean;
}

const dotShapes = new WeakMap<DotExpressionContext, DotShape>();

function dotShapeOf(expression: DotExpressionContext): DotShape {
    return memo(dotShapes, expression, (node) => {
        const inner = node.expression();
        const call = node.dotMethodCall() ?? null;
        const member = call ? call.anyId() : node.anyId();
        const name = lowerTextOf(member);
        return {
            written: textOf(member),
            args: call ? argumentsOf(call.expressionList()) : [],
            nullSafe: Boolean(node.QUESTIONDOT()),
            inner,
            call,
            name,
            onSuper:
                inner instanceof PrimaryExpressionContext && primaryOf(inner) instanceof SuperPrimaryContext,
            fieldOf:
                call && name === 'adderror' && inner instanceof DotExpressionContext && !inner.dotMethodCall()
                    ? { owner: inner.expression(), written: textOf(inner.anyId()) }
                    : null,
            innerIsSoql: isSoqlPrimary(inner)
        };
    });
}
const literalValues = new WeakMap<LiteralPrimaryContext, { value: Value }>();

/** A literal's value, decoded once per literal (every literal value is immutable). */
function literalOf(primary: LiteralPrimaryContext): Value {
    return memo(literalValues, primary, (node) => ({ value: literalValue(node.literal()) })).value;
}

const primaries = new WeakMap<PrimaryExpressionContext, PrimaryContext>();

function primaryOf(expression: PrimaryExpressionContext): PrimaryContext {
    return memo(primaries, expression, (node) => node.primary());
}

function isSoqlPrimary(expression: ExpressionContext): boolean {
    return (
        expression instanceof PrimaryExpressionContext && primaryOf(expression) instanceof SoqlPrimaryContext
    );
}

function firstCall(statement: StatementContext | undefined): MethodCallContext | null {
    const expression = statement?.expressionStatement()?.expression();
    if (expression instanceof MethodCallExpressionContext) {
        const call = expression.methodCall();
        if (call.THIS() || call.SUPER()) return call;
    }
    return null;
}

export function listGet(interp: Interpreter, list: ApexList, index: Value): Value {
    if (index === null) interp.npe();
    if (!isNumber(index)) throw new UnsupportedError('unsupported: non-numeric list index');
    const i = index.value;
    if (i < 0 || i >= list.items.length) interp.fail('ListException', `List index out of bounds: ${i}`);
    return list.items[i];
}

export function convertNumber(value: ApexNumber, kind: string): ApexNumber {
    switch (kind) {
        case 'integer':
            return ApexNumber.int(Math.trunc(value.value));
        case 'long':
            return ApexNumber.long(value.kind === 'Long' ? value.big : BigInt(Math.trunc(value.value)));
        case 'double':
            return ApexNumber.double(value.value);
        default:
            return value.kind === 'Decimal' ? value : ApexNumber.decimal(value.value);
    }
}

function zeroOf(value: Value): Value {
    if (isNumber(value)) return convertNumber(ApexNumber.int(0), value.kind.toLowerCase());
    return ApexNumber.int(0);
}

export function unquote(text: string): string {
    return text.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, escaped: string) => {
        if (escaped.length === 5) return String.fromCharCode(parseInt(escaped.slice(1), 16));
        return (
            ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped
        );
    });
}

function literalValue(literal: LiteralContext): Value {
    if (literal.NULL()) return null;
    if (literal.BooleanLiteral()) return literal.getText().toLowerCase() === 'true';
    if (literal.StringLiteral()) return unquote(literal.getText());
    if (literal.IntegerLiteral()) {
        const n = Number(literal.getText());
        return ApexNumber.int(n);
    }
    if (literal.LongLiteral()) return ApexNumber.long(BigInt(literal.getText().replace(/[lL]$/, '')));
    if (literal.NumberLiteral()) {
        const text = literal.getText();
        if (/[dD]$/.test(text)) return ApexNumber.double(Number(text.slice(0, -1)));
        return ApexNumber.decimal(Number(text), text.split('.')[1]?.length ?? 0);
    }
    throw new UnsupportedError(`unsupported: literal ${literal.getText()}`);
}
