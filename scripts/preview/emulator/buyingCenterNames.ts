// The sibling-name rule of BuyingCenterNameTriggerAction, as the preview applies it: a buying center's
// name (trimmed, in any case) is taken once under each parent of an account. Checked against the shared
// KeystoneRuleVectors cases (buyingCenterName) like the Apex side.

/** The key siblings must not share; null for a blank name (the required-field check handles that). */
export function siblingKey(
    accountId: string | null | undefined,
    parentId: string | null | undefined,
    name: string | null | undefined
): string | null {
    if (!name || !name.trim()) return null;
    return `${accountId ?? ''}:${parentId ?? ''}:${name.trim().toLowerCase()}`;
}

/** Indexes of the batch refused: a key already saved, or taken by an earlier record of the same batch. */
export function refusedIndexes(
    existingKeys: Iterable<string>,
    savingKeys: readonly (string | null)[]
): number[] {
    const taken = new Set(existingKeys);
    const refused: number[] = [];
    savingKeys.forEach((key, index) => {
        if (key === null) return;
        if (taken.has(key)) refused.push(index);
        else taken.add(key);
    });
    return refused;
}

export function duplicateBuyingCenterMessage(name: string): string {
    return `There is already a buying center named "${name.trim()}" under the same parent on this account. Choose another name.`;
}
