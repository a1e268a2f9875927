// The preview's Account record page frame: global header with an account switcher, the record
// highlights, and tabs holding the real Keystone components, plus the toasts they raise.
import { LightningElement } from 'lwc';

interface AccountSummary {
    id: string;
    name: string;
    type: string | null;
    industry: string | null;
    annualRevenue: number | null;
    phone: string | null;
    website: string | null;
    billingCity: string | null;
}

interface Toast {
    key: number;
    title: string;
    message: string;
    className: string;
    icon: string;
}

const TOAST_THEME: Record<string, string> = {
    success: 'slds-theme_success',
    error: 'slds-theme_error',
    warning: 'slds-theme_warning',
    info: 'slds-theme_info'
};

/** The org chart's App Builder properties, as the server's /api/page gives them. */
interface OrgChartProperties {
    height?: number;
    initialDepth?: number;
    colourBy?: string;
    showLinks?: boolean;
}

async function fetchResult<T>(url: string): Promise<T> {
    const response = await fetch(url);
    const payload = (await response.json()) as { result?: T; error?: { message: string } };
    if (!response.ok || !payload.result) throw new Error(payload.error?.message ?? response.statusText);
    return payload.result;
}

export default class Shell extends LightningElement {
    accounts: AccountSummary[] = [];
    orgChart: OrgChartProperties = {};
    accountId = '';
    loadError = '';
    toasts: Toast[] = [];
    private toastCount = 0;
    private readonly onHashChange = (): void => this.readHash();

    connectedCallback(): void {
        window.addEventListener('hashchange', this.onHashChange);
        this.addEventListener('lightning__showtoast', (event: Event) => this.showToast(event as CustomEvent));
        void this.loadAccounts();
    }

    disconnectedCallback(): void {
        window.removeEventListener('hashchange', this.onHashChange);
    }

    private async loadAccounts(): Promise<void> {
        try {
            // the page layout comes with the data, so components start with the properties they are placed with
            const [accounts, page] = await Promise.all([
                fetchResult<AccountSummary[]>('/api/accounts'),
                fetchResult<{ orgChart: OrgChartProperties }>('/api/page')
            ]);
            this.orgChart = page.orgChart;
            this.accounts = accounts;
            this.readHash();
        } catch (error) {
            this.loadError = `The preview could not load its demo data: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    private readHash(): void {
        const match = /^#\/record\/(\w+)/.exec(window.location.hash);
        const requested = match?.[1];
        this.accountId = requested ?? this.accounts[0]?.id ?? '';
        if (!requested && this.accountId) {
            window.history.replaceState(null, '', `#/record/${this.accountId}`);
        }
    }

    get account(): AccountSummary | undefined {
        return this.accounts.find((account) => account.id === this.accountId);
    }

    get isUnknownRecord(): boolean {
        return !!this.accountId && this.accounts.length > 0 && !this.account;
    }

    get accountOptions(): { label: string; value: string; selected: boolean }[] {
        return this.accounts.map((account) => ({
            label: account.name,
            value: account.id,
            selected: account.id === this.accountId
        }));
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get annualRevenue(): number | null {
        return this.account?.annualRevenue ?? null;
    }

    handleAccountChange(event: Event): void {
        window.location.hash = `#/record/${(event.target as HTMLSelectElement).value}`;
    }

    private showToast(event: CustomEvent): void {
        const detail = (event.detail ?? {}) as { title?: string; message?: string; variant?: string };
        const variant = detail.variant ?? 'info';
        const key = ++this.toastCount;
        this.toasts = [
            ...this.toasts,
            {
                key,
                title: detail.title ?? '',
                message: detail.message ?? '',
                className: `slds-notify slds-notify_toast ${TOAST_THEME[variant] ?? TOAST_THEME.info}`,
                icon: `utility:${variant === 'success' ? 'success' : variant === 'error' ? 'error' : variant === 'warning' ? 'warning' : 'info'}`
            }
        ];
        // toasts dismiss themselves, as on the platform
        window.setTimeout(() => this.dismiss(key), 5000);
    }

    private dismiss(key: number): void {
        this.toasts = this.toasts.filter((toast) => toast.key !== key);
    }

    handleCloseToast(event: Event): void {
        const key = Number((event.currentTarget as HTMLElement).dataset.key);
        this.dismiss(key);
    }
}
