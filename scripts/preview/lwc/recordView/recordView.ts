// A record page for records that are not accounts (an Opportunity, a Contact…): its object, its name and
// its fields by label, lookups by name — so following a link to one does not leave the preview.
import { LightningElement, api } from 'lwc';

interface RecordPage {
    id: string;
    objectApiName: string;
    objectLabel: string;
    name: string;
    fields: { name: string; label: string; value: string }[];
}

export default class RecordView extends LightningElement {
    page: RecordPage | undefined;
    errorMessage = '';
    private shownId = '';
    private generation = 0;

    /** The record shown; a new Id loads that record (an answer for an earlier one is dropped). */
    @api
    get recordId(): string {
        return this.shownId;
    }
    set recordId(value: string) {
        this.shownId = value;
        void this.load(value);
    }

    private async load(id: string): Promise<void> {
        const generation = ++this.generation;
        this.page = undefined;
        this.errorMessage = '';
        try {
            const response = await fetch(`/api/pages/${encodeURIComponent(id)}`);
            const payload = (await response.json()) as { result?: RecordPage; error?: { message: string } };
            if (generation !== this.generation) return;
            if (!response.ok || !payload.result)
                throw new Error(payload.error?.message ?? response.statusText);
            this.page = payload.result;
        } catch (error) {
            if (generation === this.generation)
                this.errorMessage = error instanceof Error ? error.message : String(error);
        }
    }

    get loading(): boolean {
        return !this.page && !this.errorMessage;
    }

    get fields(): { name: string; label: string; value: string; labelKey: string; valueKey: string }[] {
        return (this.page?.fields ?? []).map((field) => ({
            ...field,
            labelKey: `${field.name}-label`,
            valueKey: `${field.name}-value`
        }));
    }

    get icon(): string {
        const standard: Record<string, string> = {
            Opportunity: 'standard:opportunity',
            Contact: 'standard:contact',
            Case: 'standard:case',
            User: 'standard:user'
        };
        return standard[this.page?.objectApiName ?? ''] ?? 'standard:record';
    }
}
