// The platform's new-record modal in the preview: the object's fields prefilled from the page reference's
// default field values, lookups chosen by record name, saved through the org emulator (whose required,
// type, lookup-filter and validation-rule checks decide); a refusal stays in the form and saves nothing.
import { LightningElement, api } from 'lwc';
import { initialValues, recordValues, unknownDefaults } from 'preview/pageRoute';

interface FormField {
    name: string;
    label: string;
    type: string;
    required: boolean;
    referenceTo: string | null;
    picklistValues: string[];
}

interface ObjectForm {
    name: string;
    label: string;
    fields: FormField[];
}

interface Choice {
    value: string;
    label: string;
    selected: boolean;
}

async function read<T>(url: string, init?: RequestInit): Promise<T> {
    const response = await fetch(url, init);
    const payload = (await response.json()) as { result?: T; error?: { message: string; fields?: string[] } };
    if (!response.ok || payload.error) {
        throw Object.assign(new Error(payload.error?.message ?? response.statusText), {
            fields: payload.error?.fields ?? []
        });
    }
    return payload.result as T;
}

export default class RecordForm extends LightningElement {
    /** The object whose record the form creates, e.g. Opportunity. */
    @api objectApiName = '';
    /** Decoded default field values (field → text); a null value starts the field empty. */
    @api defaults: Record<string, string | null> = {};

    form: ObjectForm | undefined;
    values: Record<string, string | boolean> = {};
    lookups: Record<string, { id: string; name: string }[]> = {};
    errorMessage = '';
    errorFields: string[] = [];
    saving = false;
    private focused = false;

    connectedCallback(): void {
        void this.load();
    }

    renderedCallback(): void {
        // a textarea's value is a property, not an attribute LWC templates may set
        this.template?.querySelectorAll<HTMLTextAreaElement>('textarea[data-text]').forEach((area) => {
            if (!area.value && area.dataset.text) area.value = area.dataset.text;
        });
        if (this.focused || !this.form) return;
        const first = this.template?.querySelector<HTMLElement>('[data-input]');
        if (first) {
            first.focus();
            this.focused = true;
        }
    }

    private async load(): Promise<void> {
        try {
            const form = await read<ObjectForm>(
                `/api/objects/${encodeURIComponent(this.objectApiName)}/form`
            );
            const targets = [
                ...new Set(form.fields.map((field) => field.referenceTo).filter((to): to is string => !!to))
            ];
            const lists = await Promise.all(
                targets.map((to) => read<{ id: string; name: string }[]>(`/api/objects/${to}/names`))
            );
            this.lookups = Object.fromEntries(targets.map((to, index) => [to, lists[index]!]));
            this.values = initialValues(form.fields, this.defaults ?? {});
            this.form = form;
            const ignored = unknownDefaults(form.fields, this.defaults ?? {});
            if (ignored.length)
                this.errorMessage = `The form has no field for these default values: ${ignored.join(', ')}.`;
        } catch (error) {
            this.errorMessage = error instanceof Error ? error.message : String(error);
        }
    }

    get loading(): boolean {
        return !this.form && !this.errorMessage;
    }

    get title(): string {
        return `New ${this.form?.label ?? this.objectApiName}`;
    }

    get fields(): unknown[] {
        return (this.form?.fields ?? []).map((field) => {
            const value = this.values[field.name];
            const text = typeof value === 'string' ? value : '';
            const invalid = this.errorFields.includes(field.name);
            const options = (items: { value: string; label: string }[]): Choice[] => [
                { value: '', label: '--None--', selected: text === '' },
                ...items.map((item) => ({ ...item, selected: item.value === text }))
            ];
            return {
                ...field,
                key: field.name,
                inputId: `field-${field.name}`,
                text,
                checked: value === true,
                className: `slds-form-element slds-form-element_stacked${invalid ? ' slds-has-error' : ''}`,
                invalid,
                isPicklist: field.picklistValues.length > 0,
                isLookup: !!field.referenceTo,
                isCheckbox: field.type === 'Checkbox',
                isLongText: field.type === 'LongTextArea' || field.type === 'TextArea',
                inputType: field.type === 'Date' ? 'date' : 'text',
                inputMode: ['Currency', 'Number', 'Percent'].includes(field.type) ? 'decimal' : 'text',
                choices: field.referenceTo
                    ? options(
                          (this.lookups[field.referenceTo] ?? []).map((item) => ({
                              value: item.id,
                              label: item.name
                          }))
                      )
                    : options(field.picklistValues.map((item) => ({ value: item, label: item })))
            };
        });
    }

    handleInput(event: Event): void {
        const target = event.target as HTMLInputElement;
        const name = target.dataset.input!;
        this.values = { ...this.values, [name]: target.type === 'checkbox' ? target.checked : target.value };
    }

    handleKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Escape') this.handleCancel();
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    async handleSave(): Promise<void> {
        if (!this.form || this.saving) return;
        this.saving = true;
        this.errorMessage = '';
        this.errorFields = [];
        try {
            const saved = await read<{ id: string; fields: Record<string, { value: unknown }> }>(
                `/api/records/${encodeURIComponent(this.objectApiName)}`,
                {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(recordValues(this.form.fields, this.values))
                }
            );
            this.dispatchEvent(
                new CustomEvent('saved', {
                    detail: {
                        id: saved.id,
                        name: String(saved.fields.Name?.value ?? saved.id),
                        objectLabel: this.form.label
                    }
                })
            );
        } catch (error) {
            this.errorMessage = error instanceof Error ? error.message : String(error);
            this.errorFields = (error as { fields?: string[] }).fields ?? [];
        } finally {
            this.saving = false;
        }
    }
}
