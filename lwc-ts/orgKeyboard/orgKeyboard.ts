// Keyboard moves in the org chart, following the WAI-ARIA tree pattern: Up/Down through the people on
// screen, Right opens or steps into a team, Left closes or steps up to the manager, Home/End, Space opens
// or closes a team, Enter opens the person.
import { ROOT, type Hierarchy } from 'c/orgHierarchy';

export interface KeyMove {
    /** The person to focus next. */
    focus: number;
    /** Open or close this person's team before moving. */
    toggle?: number;
    /** Enter: open the focused person (the side panel). */
    activate?: boolean;
}

/**
 * The move for a key, or null when the key means nothing to the tree.
 * @param visible people on screen in drawing order (managers before reports)
 */
export function keyMove(
    hierarchy: Hierarchy,
    expanded: Uint8Array,
    visible: readonly number[],
    current: number,
    key: string
): KeyMove | null {
    if (!visible.length) return null;
    const position = visible.indexOf(current);
    const at = position === -1 ? 0 : position;
    const here = visible[at]!;
    const reports = hierarchy.children[here]!;
    switch (key) {
        case 'ArrowDown':
            return { focus: visible[Math.min(at + 1, visible.length - 1)]! };
        case 'ArrowUp':
            return { focus: visible[Math.max(at - 1, 0)]! };
        case 'Home':
            return { focus: visible[0]! };
        case 'End':
            return { focus: visible[visible.length - 1]! };
        case 'ArrowRight':
            if (!reports.length) return { focus: here };
            return expanded[here] ? { focus: reports[0]! } : { focus: here, toggle: here };
        case 'ArrowLeft': {
            if (reports.length && expanded[here]) return { focus: here, toggle: here };
            const manager = hierarchy.parent[here]!;
            return { focus: manager === ROOT ? here : manager };
        }
        case 'Enter':
            return { focus: here, activate: true };
        case ' ':
            // Space opens or closes the team, as a tree item's toggle does
            return reports.length ? { focus: here, toggle: here } : { focus: here };
        default:
            return null;
    }
}
