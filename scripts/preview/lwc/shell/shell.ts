// The preview's Account record page frame: global header with an account switcher, the record
// highlights, and tabs holding the real Keystone components, plus the toasts they raise. It follows the
// navigation the components ask for: an Account record switches account, another record shows its own
// record page, a new-record page reference opens the record form over the current account.
import { LightningElement } from 'lwc';
import { decodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { parseRoute } from 'preview/pageRoute';

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

/** The portfolio's App Builder properties on the Keystone Portfolio App page, as /api/page gives them. */
interface PortfolioProperties {
    attractivenessSplit?: number;
    healthSplit?: number;
    bubbleSize?: string;
}

/** The App page the preview draws (the Portfolio tab). */
const PORTFOLIO_PAGE = 'Keystone_Portfolio';

/** A user the preview can run Apex as ("Viewing as"), as the server's /api/users gives them. */
interface ViewingAs {
    current: string;
    users: { role: string; name: string; title: string | null }[];
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
    portfolio: PortfolioProperties = {};
    /** The App page shown in place of the account page (its tab's API name). */
    viewedApp = '';
    accountId = '';
    loadError = '';
    toasts: Toast[] = [];
    /** The non-account record shown in place of the account page. */
    viewedRecordId = '';
    /** The new-record form open over the page. */
    newRecord: { objectApiName: string; defaults: Record<string, string | null> } | undefined;
    /** Where the platform would have gone, for page references the preview does not draw. */
    notice = '';
    /** Who this browser views the preview as, and who it may choose. */
    viewingAs: ViewingAs = { current: '', users: [] };
    /** False while the Keystone views are taken down to load again as another user. */
    viewsMounted = true;
    /** The viewed record when it is an Account Plan: its page carries the plan workspace, as the flexipage does. */
    viewedPlanId = '';
    private toastCount = 0;
    // whether the page before the form is this session's record page, so closing the form can go back to it
    private cameFromRecord = false;
    private onRecordPage = false;
    private readonly onHashChange = (): void => this.readHash();

    connectedCallback(): void {
        window.addEventListener('hashchange', this.onHashChange);
        this.addEventListener('lightning__showtoast', (event: Event) => this.showToast(event as CustomEvent));
        void this.loadAccounts();
    }

    disconnectedCallback(): void {
        window.removeEventListener('hashchange', this.onHashChange);
    }

    renderedCallback(): void {
        // an <option selected> attribute does not move a select the user already changed (browser Back)
        const switcher = this.template?.querySelector<HTMLSelectElement>('[data-id="account-switcher"]');
        if (switcher && this.accountId && switcher.value !== this.accountId) switcher.value = this.accountId;
        const viewer = this.template?.querySelector<HTMLSelectElement>('[data-id="user-switcher"]');
        if (viewer && this.viewingAs.current && viewer.value !== this.viewingAs.current)
            viewer.value = this.viewingAs.current;
    }

    private async loadAccounts(): Promise<void> {
        try {
            // the page layout comes with the data, so components start with the properties they are placed with
            const [accounts, page, viewingAs] = await Promise.all([
                fetchResult<AccountSummary[]>('/api/accounts'),
                fetchResult<{ orgChart: OrgChartProperties; portfolio: PortfolioProperties }>('/api/page'),
                fetchResult<ViewingAs>('/api/users')
            ]);
            this.orgChart = page.orgChart;
            this.portfolio = page.portfolio;
            this.viewingAs = viewingAs;
            this.accounts = accounts;
            this.readHash();
        } catch (error) {
            this.loadError = `The preview could not load its demo data: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    private readHash(): void {
        const route = parseRoute(window.location.hash, decodeDefaultFieldValues);
        const wasOnRecordPage = this.onRecordPage;
        this.onRecordPage = route.kind === 'record' || route.kind === 'home';
        this.notice = '';
        if (route.kind !== 'new') this.newRecord = undefined;
        this.viewedApp = '';
        if (route.kind === 'app') {
            // the Portfolio tab; any other App page is the org's, which the preview does not draw
            this.viewedRecordId = '';
            this.accountId = this.accountId || (this.accounts[0]?.id ?? '');
            if (route.apiName === PORTFOLIO_PAGE) this.viewedApp = route.apiName;
            else
                this.notice = `In the org this opens the ${route.apiName} tab; the preview draws the Portfolio tab only.`;
        } else if (route.kind === 'home') {
            this.viewedRecordId = '';
            this.accountId = this.accountId || (this.accounts[0]?.id ?? '');
            if (this.accountId) window.history.replaceState(null, '', `#/record/${this.accountId}`);
        } else if (route.kind === 'record') {
            const isAccount = this.accounts.some((account) => account.id === route.recordId);
            this.viewedRecordId = isAccount ? '' : route.recordId;
            if (!isAccount) void this.readViewedObject(route.recordId);
            if (isAccount) this.accountId = route.recordId;
        } else if (route.kind === 'new') {
            // opened straight from an address: the account the record is for, else the first one
            const forAccount = this.accounts.find((account) => account.id === route.defaults.AccountId)?.id;
            this.accountId = this.accountId || forAccount || (this.accounts[0]?.id ?? '');
            this.cameFromRecord = wasOnRecordPage;
            this.newRecord = { objectApiName: route.objectApiName, defaults: route.defaults };
        } else {
            this.accountId = this.accountId || (this.accounts[0]?.id ?? '');
            this.notice =
                route.kind === 'invalid'
                    ? route.reason
                    : `In the org this opens a ${route.reference.type} page (${JSON.stringify(route.reference.attributes ?? {})}); the preview draws record pages and new-record forms only.`;
        }
    }

    private async readViewedObject(recordId: string): Promise<void> {
        this.viewedPlanId = '';
        try {
            const page = await fetchResult<{ objectApiName: string }>(
                `/api/pages/${encodeURIComponent(recordId)}`
            );
            // the answer for a record the user has already left is not this page's
            if (recordId === this.viewedRecordId && page.objectApiName === 'Account_Plan__c')
                this.viewedPlanId = recordId;
        } catch {
            // the record view below says what is wrong with the record
        }
    }

    get showAccountPage(): boolean {
        return !!this.account && !this.viewedRecordId;
    }

    // LWC scopes an href that starts with "#" as a fragment id of the template (it appends "-0"): the link
    // names the page's own path with the address, which changes only the hash
    get portfolioHref(): string {
        return `/#/app/${PORTFOLIO_PAGE}`;
    }

    get portfolioNavClass(): string {
        return this.viewedApp === PORTFOLIO_PAGE ? 'app-nav-item app-nav-item_active' : 'app-nav-item';
    }

    get hasNotice(): boolean {
        return !!this.notice;
    }

    handleBackToAccount(): void {
        window.location.hash = `#/record/${this.accountId}`;
    }

    /** Back to the record page the form was opened from, as the platform's Cancel and Save do. */
    private closeForm(): void {
        if (this.cameFromRecord) window.history.back();
        else window.location.replace(`#/record/${this.viewedRecordId || this.accountId}`);
    }

    handleFormCancel(): void {
        this.closeForm();
    }

    handleFormSaved(event: CustomEvent<{ id: string; name: string; objectLabel: string }>): void {
        const { name, objectLabel } = event.detail;
        this.showToast(
            new CustomEvent('lightning__showtoast', {
                detail: { title: `${objectLabel} "${name}" was created.`, variant: 'success' }
            })
        );
        this.closeForm();
    }

    get account(): AccountSummary | undefined {
        return this.accounts.find((account) => account.id === this.accountId);
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

    get userOptions(): { label: string; value: string; selected: boolean }[] {
        return this.viewingAs.users.map((user) => ({
            label: user.title ? `${user.name} (${user.title})` : user.name,
            value: user.role,
            selected: user.role === this.viewingAs.current
        }));
    }

    /**
     * "Viewing as": the server runs this browser's Apex as the chosen user from now on (a cookie, so a
     * reload keeps it), and every Keystone view is built again so it loads what that user sees.
     */
    async handleUserChange(event: Event): Promise<void> {
        const select = event.target as HTMLSelectElement;
        try {
            const response = await fetch('/api/user', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ role: select.value })
            });
            const payload = (await response.json()) as { result?: ViewingAs; error?: { message: string } };
            if (!response.ok || !payload.result)
                throw new Error(payload.error?.message ?? response.statusText);
            this.viewingAs = payload.result;
            this.viewsMounted = false;
            // one frame without the views, so each is created anew and loads as the new user
            await Promise.resolve();
            window.requestAnimationFrame(() => {
                this.viewsMounted = true;
            });
        } catch (error) {
            select.value = this.viewingAs.current;
            this.showToast(
                new CustomEvent('lightning__showtoast', {
                    detail: {
                        title: error instanceof Error ? error.message : String(error),
                        variant: 'error'
                    }
                })
            );
        }
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
