// The platform's answer to a query it refuses is a System.QueryException; the interpreter turns this
// error into one. Constructs outside the supported subset use the runtime's UnsupportedError instead.
export { UnsupportedError, unsupported } from '../errors';

/** A System.QueryException: bad dynamic SOQL, a missing bind, an inaccessible field in user mode. */
export class SoqlQueryError extends Error {
    readonly exceptionType = 'System.QueryException';
    constructor(
        message: string,
        /** user mode: every inaccessible field as `Object.Field` (QueryException.getInaccessibleFields) */
        readonly inaccessibleFields: string[] = []
    ) {
        super(message);
        this.name = 'SoqlQueryError';
    }
}
