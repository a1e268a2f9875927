// The preview's Reports page (/reports): every report of force-app's report folders run over the demo
// org as the browser's "Viewing as" user, each with its groupings, totals and record count, and the
// dashboards' components over the same results. The numbers come from the report engine on the server
// (scripts/preview/reports/), which reads the rows in user mode through the Apex runtime.
import { LightningElement } from 'lwc';
import { bars, formatSummary, reportTable, type ReportResult, type ReportsPayload } from 'preview/reportView';

export default class ReportsPage extends LightningElement {
    payload: ReportsPayload | undefined;
    loadError = '';

    connectedCallback(): void {
        void this.load();
    }

    private async load(): Promise<void> {
        try {
            const response = await fetch('/api/reports');
            const body = (await response.json()) as { result?: ReportsPayload; error?: { message: string } };
            if (!response.ok || !body.result) throw new Error(body.error?.message ?? response.statusText);
            this.payload = body.result;
        } catch (error) {
            this.loadError = `The preview could not run the reports: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    get loading(): boolean {
        return !this.payload && !this.loadError;
    }

    get problems(): { key: string; text: string }[] {
        return (this.payload?.problems ?? []).map((problem) => ({
            key: problem.file,
            text: `${problem.file}: ${problem.message}`
        }));
    }

    get hasProblems(): boolean {
        return this.problems.length > 0;
    }

    get reports(): unknown[] {
        return (this.payload?.reports ?? []).map((report) => ({
            ...report,
            table: report.error ? null : reportTable(report),
            count: report.grand ? `${report.grand.rowCount} records` : ''
        }));
    }

    get dashboards(): unknown[] {
        const byName = new Map<string, ReportResult>(
            (this.payload?.reports ?? []).map((report) => [report.fullName, report])
        );
        return (this.payload?.dashboards ?? []).map((dashboard) => ({
            ...dashboard,
            components: dashboard.components.map((component, index) => {
                const result = byName.get(component.report);
                const chartBars = bars(component, result);
                return {
                    ...component,
                    key: `${index}`,
                    heading: component.title || component.header || result?.label || component.report,
                    isError: !!component.error,
                    isMetric: !component.error && component.drawnAs === 'metric',
                    isTable: !component.error && component.drawnAs === 'table',
                    isBars: !component.error && component.drawnAs === 'bars',
                    hasNote: !component.error && !!component.note,
                    metric: result ? formatSummary(result, component.summary, component.total) : '',
                    rows: component.groups.map((group, at) => ({
                        key: `${at}`,
                        label: group.label,
                        value: result ? formatSummary(result, component.summary, group.value) : ''
                    })),
                    bars: chartBars,
                    chartHeight: Math.max(28, chartBars.length * 28),
                    viewBox: `0 0 520 ${Math.max(28, chartBars.length * 28)}`
                };
            })
        }));
    }
}
