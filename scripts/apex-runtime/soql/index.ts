// SOQL for the Apex runtime: parse (static `[SELECT …]` or dynamic text) into one tree, then run it over
// a data source. The interpreter calls these; nothing here knows the interpreter's own value types.
import type { Bind } from './ast';
import type { BindValue } from './dataSource';
import { SoqlQueryError } from './errors';

export type * from './ast';
export type * from './dataSource';
export { parseDynamicSoql, parseStaticSoql } from './parse';
export {
    runQuery,
    type AggregateRow,
    type QueryResult,
    type ResultRecord,
    type ResultValue,
    type RunOptions
} from './evaluate';
export { SoqlQueryError } from './errors';
export { StoreSource, shapesFromSchemas, type StoreAccess } from './storeSource';
export { dateLiteralRange } from './dateLiterals';

/**
 * The binds of `Database.queryWithBinds(query, bindMap, level)`: each `:name` is looked up in the map.
 * An exact key wins; otherwise a single key equal without regard to case (Apex identifiers ignore case).
 * Two such keys make the bind ambiguous: it fails rather than picks one.
 */
export function bindsFromMap(bindMap: ReadonlyMap<string, BindValue>): (bind: Bind) => BindValue {
    return (bind) => {
        if (bind.kind !== 'name')
            throw new SoqlQueryError(`queryWithBinds binds names only, not ':${bind.text}'`);
        if (bindMap.has(bind.name)) return bindMap.get(bind.name)!;
        const lower = bind.name.toLowerCase();
        const matches = [...bindMap.keys()].filter((key) => key.toLowerCase() === lower);
        if (matches.length === 1) return bindMap.get(matches[0]!)!;
        if (matches.length > 1) {
            throw new SoqlQueryError(
                `Bind variable ${bind.name} is ambiguous in the bind map: ${matches.join(', ')}`
            );
        }
        throw new SoqlQueryError(`Key '${bind.name}' does not exist in the bindMap`);
    };
}
