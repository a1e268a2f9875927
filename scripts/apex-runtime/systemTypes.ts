// The platform's own types that user code names: Exception and its System subclasses, the System enums,
// and the platform interfaces a class may implement for the platform to call (no method runs here).
import type { ClassDef } from './registry';

const EXCEPTIONS = [
    'AssertException',
    'AsyncException',
    'AuraHandledException',
    'CalloutException',
    'DmlException',
    'FinalException',
    'IllegalArgumentException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NullPointerException',
    'QueryException',
    'SecurityException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException'
];

// the interfaces the platform calls back: scheduled, batch and queueable Apex (Database.* by their
// qualified names, as a class names them in `implements`)
const INTERFACES = [
    'Schedulable',
    'Queueable',
    'Database.Batchable',
    'Database.Stateful',
    'Database.AllowsCallouts',
    'Database.RaisesPlatformEvents',
    'Iterable',
    'Iterator'
];

const ENUMS: Record<string, string[]> = {
    TriggerOperation: [
        'BEFORE_INSERT',
        'BEFORE_UPDATE',
        'BEFORE_DELETE',
        'AFTER_INSERT',
        'AFTER_UPDATE',
        'AFTER_DELETE',
        'AFTER_UNDELETE'
    ],
    RoundingMode: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'],
    LoggingLevel: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'],
    AccessLevel: ['USER_MODE', 'SYSTEM_MODE'],
    // how much of a describe is loaded up front; every answer here is the same, loaded or deferred
    SObjectDescribeOptions: ['DEFAULT', 'DEFERRED', 'FULL'],
    // the status codes the org's checks give (Database.Error.getStatusCode, DmlException.getDmlType)
    StatusCode: [
        'ALREADY_IN_PROCESS',
        'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
        'DUPLICATES_DETECTED',
        'DUPLICATE_USERNAME',
        'DUPLICATE_EXTERNAL_ID',
        'DUPLICATE_VALUE',
        'ENTITY_IS_DELETED',
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'FIELD_FILTER_VALIDATION_EXCEPTION',
        'ENTITY_IS_LOCKED',
        'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
        'INSUFFICIENT_ACCESS_OR_READONLY',
        'INVALID_ID_FIELD',
        'INVALID_CROSS_REFERENCE_KEY',
        'INVALID_EMAIL_ADDRESS',
        'INVALID_FIELD',
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'MISSING_ARGUMENT',
        'NO_APPLICABLE_PROCESS',
        'INVALID_OPERATION',
        'NUMBER_OUTSIDE_VALID_RANGE',
        'REQUIRED_FIELD_MISSING',
        'STORAGE_LIMIT_EXCEEDED',
        'STRING_TOO_LONG',
        'UNABLE_TO_LOCK_ROW',
        'UNDELETE_FAILED'
    ],
    SoapType: [
        'ANYTYPE',
        'BASE64',
        'BOOLEAN',
        'DATE',
        'DATETIME',
        'DOUBLE',
        'ID',
        'INTEGER',
        'LONG',
        'STRING',
        'TIME'
    ]
};

/** Enums of the Schema namespace (the rest are System's). */
const SCHEMA_ENUMS = new Set(['SoapType']);

function systemClass(kind: ClassDef['kind'], name: string, superClass: ClassDef | null): ClassDef {
    return {
        kind,
        name,
        qualifiedName: name,
        file: 'System',
        line: 0,
        outer: null,
        superRef: null,
        interfaceRefs: [],
        superClass,
        interfaces: [],
        isAbstract: false,
        isVirtual: true,
        annotations: [],
        sharing: null,
        fields: new Map(),
        initOrder: [],
        methods: new Map(),
        constructors: [],
        inner: new Map(),
        enumConstants: [],
        cache: new Map()
    };
}

export function installSystemTypes(into: Map<string, ClassDef>): void {
    const base = systemClass('system', 'Exception', null);
    into.set('exception', base);
    for (const name of EXCEPTIONS) into.set(name.toLowerCase(), systemClass('system', name, base));
    for (const name of INTERFACES) into.set(name.toLowerCase(), systemClass('interface', name, null));
    for (const [name, constants] of Object.entries(ENUMS)) {
        const cls = systemClass('enum', name, null);
        cls.qualifiedName = `${SCHEMA_ENUMS.has(name) ? 'Schema' : 'System'}.${name}`;
        cls.enumConstants = constants;
        into.set(name.toLowerCase(), cls);
    }
}

// One set for the process: a registry's classes cache their resolved superclass (a custom exception's
// `Exception`), so every Interpreter over that registry must see the very same system classes.
let shared: Map<string, ClassDef> | null = null;

/** Puts the process's one set of system types into an Interpreter's map. */
export function installSharedSystemTypes(into: Map<string, ClassDef>): void {
    if (!shared) installSystemTypes((shared = new Map()));
    for (const [name, cls] of shared) into.set(name, cls);
}
