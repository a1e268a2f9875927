// What the platform derives on standard objects that our views read: an opportunity's stage decides
// whether it is closed, won and how probable (the default sales process of a new org).

export interface StageInfo {
    probability: number;
    isClosed: boolean;
    isWon: boolean;
}

export const OPPORTUNITY_STAGES: Readonly<Record<string, StageInfo>> = {
    Prospecting: { probability: 10, isClosed: false, isWon: false },
    Qualification: { probability: 10, isClosed: false, isWon: false },
    'Needs Analysis': { probability: 20, isClosed: false, isWon: false },
    'Value Proposition': { probability: 50, isClosed: false, isWon: false },
    'Id. Decision Makers': { probability: 60, isClosed: false, isWon: false },
    'Perception Analysis': { probability: 70, isClosed: false, isWon: false },
    'Proposal/Price Quote': { probability: 75, isClosed: false, isWon: false },
    'Negotiation/Review': { probability: 90, isClosed: false, isWon: false },
    'Closed Won': { probability: 100, isClosed: true, isWon: true },
    'Closed Lost': { probability: 0, isClosed: true, isWon: false }
};
