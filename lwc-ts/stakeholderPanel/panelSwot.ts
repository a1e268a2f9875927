// The SWOT items linked to the person open in the side panel, as small cards: every null decided once,
// High priority first, then as the server sent them (newest first).
import type { SwotItemService_PanelItem } from '@salesforce/apex/types';

/** One small card: the item's category, what it says, and the plan it belongs to. */
export interface PanelSwotCard {
    key: string;
    category: string;
    description: string;
    planName: string;
    className: string;
}

const RANK: Record<string, number> = { High: 0, Medium: 1, Low: 2 };

/** The person's SWOT items as the panel draws them; rows without an Id or category are dropped. */
export function panelSwotCards(
    items: (SwotItemService_PanelItem | null)[] | null | undefined
): PanelSwotCard[] {
    return (items ?? [])
        .filter((item): item is SwotItemService_PanelItem => !!item?.id && !!item.category)
        .map((item, index) => ({ item, index }))
        .sort(
            (a, b) =>
                (RANK[a.item.priority ?? ''] ?? 3) - (RANK[b.item.priority ?? ''] ?? 3) || a.index - b.index
        )
        .map(({ item }) => ({
            key: item.id as string,
            category: item.category as string,
            description: item.description ?? '',
            planName: item.planName ?? '',
            className: `swot-card slds-box slds-box_x-small swot-card_${(item.priority ?? 'none').toLowerCase()}`
        }));
}
