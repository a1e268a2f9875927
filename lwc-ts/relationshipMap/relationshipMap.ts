// The account's informal network: who influences whom, where our team is connected, and what breaks if
// one person leaves. Wires RelationshipMapController.getRelationshipMap to the pure c/relationship*
// modules (graph, paths, cuts, risks, layout, drawing) and paints on one canvas; edits links in place.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getRelationshipMap from '@salesforce/apex/RelationshipMapController.getRelationshipMap';
import saveLink from '@salesforce/apex/RelationshipMapController.saveLink';
import deleteLink from '@salesforce/apex/RelationshipMapController.deleteLink';
import type { RelationshipMapService_MapView } from '@salesforce/apex/types';
import type { RelationshipGraph } from 'c/relationshipGraph';
import { OWNS_RELATIONSHIP } from 'c/relationshipGraph';
import { findRisks, type RiskAnalysis } from 'c/relationshipRisks';
import { layoutRelationshipGraph, type RelationshipLayout } from 'c/relationshipLayout';
import {
    fitView,
    paintPlan,
    planDrawing,
    STANCE_COLOURS,
    TEAM_COLOUR,
    UNKNOWN_STANCE_COLOUR,
    type DrawingPlan,
    type View
} from 'c/relationshipDraw';
import { planToSvg, type MapLegendEntry } from 'c/relationshipSvg';
import { fileNameOf, FileDownloads } from 'c/fileDownloads';
import {
    coverageModel,
    describeNode,
    emphasisOf,
    filterMasks,
    focusModel,
    graphOf,
    linkRowsOf,
    nearestInDirection,
    nearestTo,
    nodeAt,
    NO_STANCE,
    parseList,
    riskRows,
    countSome,
    startExactCounting,
    type CoverageModel,
    type Direction,
    type Emphasis,
    type FocusModel,
    type LinkRow,
    type Masks,
    type RiskRow
} from 'c/relationshipMapModel';
import type { SelectOption } from 'c/keystoneSelect';
import { errorMessage, formatIsoDate, formatLabel, isoToday } from 'c/keystoneText';
import type { ApexWireResult } from '../../types/apex-method';
import { LABELS, RISK_TEXTS, COVERAGE_TEXTS, PERSON_TEXTS } from './labels';

/** Below this width the map and its panels stack, and the map is no taller than a phone can show. */
const PHONE_WIDTH = 480;
const PHONE_MAX_HEIGHT = 420;
const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.02;
const MAX_SCALE = 4;
/**
 * While a pan or zoom goes on, frames show the last full painting moved and scaled (one image copy); the
 * full painting follows once the gesture has rested this long. Stroking thousands of links is what costs.
 */
const SETTLE_MS = 150;
/** Pixels a pointer may travel and still count as a click rather than a pan. */
const CLICK_SLOP = 4;
const ALL = '';
/**
 * Rows a list shows before "Show all": the weakest first, so the ones to act on are in view, and a big
 * account's hundreds of rows are not rendered (and re-rendered as counts arrive) unless asked for.
 */
const ROWS_SHOWN = 25;
/** Main-thread time one slice of exact path counting may take: well inside a frame. */
const COUNT_SLICE_MS = 8;
/** How often the coverage lists show the counts so far while counting goes on. */
const COUNT_SHOW_EVERY_MS = 250;
/** The select value that stands for the App Builder's list of several values. */
const CONFIGURED = '#configured';

const GROUP_NAMES = { team: LABELS.ourTeamGroup, none: LABELS.noCenterGroup };

interface Computed {
    view: RelationshipMapService_MapView;
    graph: RelationshipGraph;
    layout: RelationshipLayout;
    analysis: RiskAnalysis;
    risks: RiskRow[];
}

interface LinkDraft {
    linkId: string | null;
    otherId: string;
    /** 'out': the person → the other; 'in': the other → the person. */
    direction: 'out' | 'in';
    type: string;
    strength: string;
    frequency: string;
    /** What the rep typed; the map does not read a link's notes, so empty keeps an edited link's notes. */
    notes: string;
}

export default class RelationshipMap extends LightningElement {
    private currentRecordId?: string;

    /**
     * The Account or Account_Plan__c Id the record page sets. Lightning reuses this component when the
     * user opens another record of the same type: a new Id drops everything of the last one at once, so
     * the map never shows the old account while the new one loads.
     */
    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        if (value === this.currentRecordId) return;
        this.currentRecordId = value;
        this.viewResult = undefined;
        this.resetForRecord();
    }
    /** Height of the map in pixels (App Builder). */
    @api height = 560;
    /** Link types shown at first, comma-separated; blank shows all (App Builder). */
    @api linkTypes?: string;
    /** Stances shown at first, comma-separated; blank shows all (App Builder). */
    @api stances?: string;
    /** Whether the faint reporting-line layer is on at first (App Builder). */
    @api showReportingLines = false;

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    viewResult?: ApexWireResult<RelationshipMapService_MapView | null>;

    @wire(getRelationshipMap, { recordId: '$recordId' })
    wiredMap(result: ApexWireResult<RelationshipMapService_MapView | null>): void {
        this.viewResult = result;
        if (result?.data) this.compute(result.data);
    }

    readonly labels = LABELS;

    centerFilter = ALL;
    stanceFilter?: string;
    linkTypeFilter?: string;
    reportingLines?: boolean;

    /** The person the keyboard cursor or a click is on (graph index), -1 for nobody. */
    cursor = -1;
    /** The focused person (neighbourhood and paths brought forward), -1 for nobody. */
    focused = -1;
    /** A chosen risk or coverage row: its people brought forward. */
    highlighted: number[] | null = null;
    highlightKey: string | null = null;

    announcement = '';
    status = '';
    statusIsError = false;
    saving = false;
    draft: LinkDraft | null = null;
    confirmDeleteId: string | null = null;

    private computed?: Computed;
    private viewTransform?: View;
    private canvasWidth = 0;
    private canvasHeight = 0;
    private needsFit = true;
    private painted = false;
    private resizeObserver?: ResizeObserver;
    private refreshHandlerId?: number;
    private drag?: { x: number; y: number; tx: number; ty: number; moved: boolean; pointerId: number };
    private readonly pictures = new FileDownloads();

    override connectedCallback(): void {
        // the page's Refresh asks again; a failed read tells the container so instead of rejecting
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            try {
                if (this.viewResult) await refreshApex(this.viewResult);
                return true;
            } catch {
                return false;
            }
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
        this.resizeObserver?.disconnect();
        this.resizeObserver = undefined;
        this.pictures.release();
        clearTimeout(this.countingTimer);
        clearTimeout(this.settleTimer);
    }

    // ---- data ----------------------------------------------------------------------------------

    get view(): RelationshipMapService_MapView | undefined {
        return this.viewResult?.data ?? undefined;
    }

    private get model(): Computed | null {
        return this.computed ?? null;
    }

    /** The network, its layout and its risks, worked out once per view the wire delivers. */
    private compute(view: RelationshipMapService_MapView): void {
        const previous = this.computed;
        const keepId = (index: number): string | undefined => {
            return previous && index >= 0 ? previous.graph.nodes[index]?.id : undefined;
        };
        const cursorId = keepId(this.cursor);
        const focusedId = keepId(this.focused);
        const graph = graphOf(view);
        const analysis = findRisks(graph);
        this.computed = {
            view,
            graph,
            layout: layoutRelationshipGraph(graph),
            analysis,
            risks: riskRows(graph, analysis, RISK_TEXTS)
        };
        this.coverage = coverageModel(graph, analysis, COVERAGE_TEXTS);
        this.countExactly();
        // after a save the same people stay focused, wherever the new layout puts them
        this.cursor = cursorId ? (graph.indexById.get(cursorId) ?? -1) : -1;
        this.focused = focusedId ? (graph.indexById.get(focusedId) ?? -1) : -1;
        this.highlighted = null;
        this.highlightKey = null;
        if (!previous) this.needsFit = true;
        this.painted = false;
    }

    private resetForRecord(): void {
        this.computed = undefined;
        this.coverage = null;
        this.counted = false;
        this.cursor = -1;
        this.focused = -1;
        this.highlighted = null;
        this.highlightKey = null;
        this.draft = null;
        this.confirmDeleteId = null;
        this.status = '';
        this.openLists = [];
        this.snapshot = undefined;
        this.needsFit = true;
    }

    get isLoading(): boolean {
        return !!this.recordId && (!this.viewResult || (!this.viewResult.data && !this.viewResult.error));
    }

    get loadError(): string {
        return this.viewResult?.error ? errorMessage(this.viewResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get isEmpty(): boolean {
        const model = this.model;
        return !!model && !model.graph.nodes.some((node) => node.kind === 'contact');
    }

    get hasMap(): boolean {
        return !!this.model && !this.isEmpty;
    }

    get canEdit(): boolean {
        return this.view?.canEdit === true;
    }

    get canDelete(): boolean {
        return this.view?.canDelete === true;
    }

    // ---- filters -------------------------------------------------------------------------------

    private configured(text: string | undefined): string[] {
        return parseList(text);
    }

    private chosen(value: string | undefined, configured: string[]): string[] {
        if (value === undefined || value === CONFIGURED) return configured;
        return value === ALL ? [] : [value];
    }

    private get filter() {
        return {
            centers: this.centerFilter === ALL ? [] : [this.centerFilter],
            stances: this.chosen(this.stanceFilter, this.configured(this.stances)),
            linkTypes: this.chosen(this.linkTypeFilter, this.configured(this.linkTypes))
        };
    }

    // a plain holder: filling it while the template renders must not count as a change to render again
    private readonly memo: {
        masks?: { key: string; graph: RelationshipGraph; masks: Masks };
        focus?: { graph: RelationshipGraph; focused: number; focus: FocusModel };
        emphasis?: {
            graph: RelationshipGraph;
            focused: number;
            highlighted: number[] | null;
            emphasis: Emphasis | null;
        };
        plan?: {
            graph: RelationshipGraph;
            masks: Masks;
            emphasis: Emphasis | null;
            reportingLines: boolean;
            plan: DrawingPlan;
        };
    } = {};

    private get masks(): Masks | null {
        const model = this.model;
        if (!model) return null;
        const filter = this.filter;
        const key = JSON.stringify(filter);
        if (this.memo.masks?.graph !== model.graph || this.memo.masks.key !== key)
            this.memo.masks = { key, graph: model.graph, masks: filterMasks(model.graph, filter) };
        return this.memo.masks.masks;
    }

    get showingReportingLines(): boolean {
        return this.reportingLines ?? this.showReportingLines === true;
    }

    private selectValue(value: string | undefined, configured: string[]): string {
        if (value !== undefined) return value;
        if (configured.length === 1) return configured[0]!;
        return configured.length ? CONFIGURED : ALL;
    }

    private options(
        all: string,
        values: { value: string; label: string }[],
        current: string,
        configured: string[]
    ): SelectOption[] {
        const options: SelectOption[] = [{ value: ALL, label: all }];
        if (configured.length > 1)
            options.push({ value: CONFIGURED, label: formatLabel(LABELS.configured, configured.join(', ')) });
        options.push(...values);
        return options.map((option) => ({ ...option, selected: option.value === current }));
    }

    get filters(): { key: string; label: string; value: string; choices: SelectOption[] }[] {
        const model = this.model;
        if (!model) return [];
        const picklists = this.view?.picklists ?? {};
        const centers = (this.view?.buyingCenters ?? [])
            .filter((center) => !!center.id && model.graph.centers.get(center.id)?.length)
            .map((center) => ({ value: center.id!, label: center.name ?? '' }))
            .sort((a, b) => a.label.localeCompare(b.label));
        const stanceValues = [
            ...Object.keys(STANCE_COLOURS).map((stance) => ({ value: stance, label: stance })),
            { value: NO_STANCE, label: LABELS.noStance }
        ];
        const typeValues = (picklists.linkType ?? []).map((option) => ({
            value: option.value ?? '',
            label: option.label ?? ''
        }));
        const stanceValue = this.selectValue(this.stanceFilter, this.configured(this.stances));
        const typeValue = this.selectValue(this.linkTypeFilter, this.configured(this.linkTypes));
        return [
            {
                key: 'center',
                label: LABELS.centerFilter,
                value: this.centerFilter,
                choices: this.options(LABELS.allCenters, centers, this.centerFilter, [])
            },
            {
                key: 'stance',
                label: LABELS.stanceFilter,
                value: stanceValue,
                choices: this.options(
                    LABELS.allStances,
                    stanceValues,
                    stanceValue,
                    this.configured(this.stances)
                )
            },
            {
                key: 'linkType',
                label: LABELS.linkTypeFilter,
                value: typeValue,
                choices: this.options(
                    LABELS.allLinkTypes,
                    typeValues,
                    typeValue,
                    this.configured(this.linkTypes)
                )
            }
        ];
    }

    handleFilter(event: CustomEvent<{ value: string }>): void {
        const key = (event.currentTarget as HTMLElement).dataset.filter;
        const value = event.detail.value;
        if (key === 'center') this.centerFilter = value;
        else if (key === 'stance') this.stanceFilter = value;
        else if (key === 'linkType') this.linkTypeFilter = value;
        const masks = this.masks;
        if (masks && this.focused >= 0 && !masks.nodes[this.focused]) this.focused = -1;
        if (masks && this.cursor >= 0 && !masks.nodes[this.cursor]) this.cursor = -1;
        this.painted = false;
    }

    handleReportingLines(event: Event): void {
        this.reportingLines = (event.target as HTMLInputElement).checked;
        this.painted = false;
    }

    get matchText(): string {
        const model = this.model;
        const masks = this.masks;
        if (!model || !masks) return '';
        const people = model.graph.nodes.length - model.graph.users.length;
        return formatLabel(LABELS.peopleShown, masks.people, people);
    }

    // ---- notices -------------------------------------------------------------------------------

    get notices(): { key: string; text: string }[] {
        const model = this.model;
        const view = this.view;
        if (!model || !view) return [];
        const notices: { key: string; text: string }[] = [];
        if (view.linksTruncated)
            notices.push({
                key: 'links-truncated',
                text: formatLabel(LABELS.linksTruncated, view.links?.length ?? 0)
            });
        if (view.truncated)
            notices.push({
                key: 'truncated',
                text: formatLabel(LABELS.truncated, view.people?.length ?? 0, view.totalContacts ?? 0)
            });
        const problems = model.graph.problems;
        if (problems['hidden-person'])
            notices.push({ key: 'hidden', text: formatLabel(LABELS.hiddenLinks, problems['hidden-person']) });
        const bad =
            problems['self-loop'] +
            problems['duplicate-link'] +
            problems['outside-account'] +
            problems['unknown-end'] +
            problems['not-one-target'];
        if (bad) notices.push({ key: 'bad', text: formatLabel(LABELS.badLinks, bad) });
        if (view.hiddenFields?.length)
            notices.push({
                key: 'fields',
                text: formatLabel(LABELS.hiddenFields, view.hiddenFields.join(', '))
            });
        return notices;
    }

    get hasNotices(): boolean {
        return this.notices.length > 0;
    }

    // ---- risks and coverage --------------------------------------------------------------------

    get risks(): (RiskRow & { className: string; pressed: string })[] {
        const model = this.model;
        if (!model) return [];
        return model.risks.map((row) => ({
            ...row,
            pressed: String(row.key === this.highlightKey),
            className: row.key === this.highlightKey ? 'risk risk_selected' : 'risk'
        }));
    }

    get hasRisks(): boolean {
        return this.risks.length > 0;
    }

    /** Lists the rep opened whole ("Show all"), by key: risks, centers, decisionMakers. */
    openLists: string[] = [];

    private capped<T>(list: string, rows: T[]): T[] {
        return this.openLists.includes(list) ? rows : rows.slice(0, ROWS_SHOWN);
    }

    private toggleText(list: string, total: number): string {
        if (total <= ROWS_SHOWN) return '';
        return this.openLists.includes(list) ? LABELS.showFewer : formatLabel(LABELS.showAll, total);
    }

    handleToggleList(event: Event): void {
        const list = (event.currentTarget as HTMLElement).dataset.list ?? '';
        this.openLists = this.openLists.includes(list)
            ? this.openLists.filter((open) => open !== list)
            : [...this.openLists, list];
    }

    get shownRisks() {
        return this.capped('risks', this.risks);
    }

    get risksToggle(): string {
        return this.toggleText('risks', this.risks.length);
    }

    get riskCount(): string {
        return formatLabel(LABELS.risksTitle, this.risks.length);
    }

    /** Coverage in rows: at once with "two or more", then with exact counts as they are worked out. */
    coverage: CoverageModel | null = null;
    /** Whether every exact count is in (the coverage section says so for tests and benchmarks). */
    counted = false;

    private countingTimer?: ReturnType<typeof setTimeout>;

    /** Counts the paths quick coverage left at "two or more", in slices between frames. */
    private countExactly(): void {
        clearTimeout(this.countingTimer);
        const model = this.computed;
        if (!model) return;
        const state = startExactCounting(model.graph, model.analysis.coverage);
        this.counted = !state.targets.length;
        if (this.counted) return;
        let shown = performance.now();
        const step = (): void => {
            // a newer view (a save, another record) took over: its own counting runs
            if (this.computed !== model) return;
            const done = countSome(state, model.analysis.coverage, COUNT_SLICE_MS);
            if (done || performance.now() - shown >= COUNT_SHOW_EVERY_MS) {
                shown = performance.now();
                this.coverage = coverageModel(model.graph, model.analysis, COVERAGE_TEXTS);
                this.counted = done;
            }
            if (!done) {
                // eslint-disable-next-line @lwc/lwc/no-async-operation -- yields to the browser between slices
                this.countingTimer = setTimeout(step, 0);
            }
        };
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the map paints first, counts after
        this.countingTimer = setTimeout(step, 0);
    }

    /** The three coverage lists, each weakest first, capped until the rep asks for all. */
    get coverageSections() {
        const coverage = this.coverage;
        const rows = (list: CoverageModel['centers']) =>
            list.map((row) => ({
                key: row.key,
                name: row.name,
                words: row.words,
                className: `coverage coverage_${row.status}`
            }));
        const sections = [
            {
                key: 'centers',
                title: LABELS.centersTitle,
                empty: LABELS.noCenters,
                all: rows(coverage?.centers ?? [])
            },
            {
                key: 'decisionMakers',
                title: LABELS.decisionMakersTitle,
                empty: LABELS.noDecisionMakers,
                all: rows(coverage?.decisionMakers ?? [])
            },
            {
                key: 'owners',
                title: LABELS.ownersTitle,
                empty: LABELS.noOwners,
                all: (coverage?.owners ?? []).map((row) => ({
                    key: row.key,
                    name: formatLabel(LABELS.ownerCount, row.name, row.count),
                    words: row.holds,
                    className: 'coverage'
                }))
            }
        ];
        return sections.map((section) => ({
            key: section.key,
            title: section.title,
            empty: section.empty,
            rows: this.capped(section.key, section.all),
            hasRows: section.all.length > 0,
            toggle: this.toggleText(section.key, section.all.length),
            listId: `coverage-${section.key === 'centers' ? 'centers' : section.key === 'owners' ? 'owners' : 'decision-makers'}`,
            toggleId: `toggle-${section.key}`
        }));
    }

    handleRisk(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        const row = this.risks.find((risk) => risk.key === key);
        this.highlight(key, row ? row.people.map((person) => person.index) : null);
    }

    handleCoverageRow(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        const coverage = this.coverage;
        const row = [...(coverage?.centers ?? []), ...(coverage?.decisionMakers ?? [])].find(
            (entry) => entry.key === key
        );
        const owner = coverage?.owners.find((entry) => entry.key === key);
        const model = this.model;
        const people = row
            ? row.people
            : owner && model
              ? [
                    owner.userIndex,
                    ...model.graph.incident[owner.userIndex]!.map((e) => model.graph.edges[e]!.to)
                ]
              : null;
        this.highlight(key, people);
    }

    private highlight(key: string, people: number[] | null): void {
        if (this.highlightKey === key || !people) {
            this.highlightKey = null;
            this.highlighted = null;
        } else {
            this.highlightKey = key;
            this.highlighted = people;
            this.focused = -1;
            this.showPeople(people);
        }
        this.painted = false;
    }

    handlePerson(event: Event): void {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        if (Number.isInteger(index)) this.focusPerson(index, true);
    }

    // ---- focus ---------------------------------------------------------------------------------

    // worked out once per focused person and graph: the template, the painting and the export all ask
    private get focus(): FocusModel | null {
        const model = this.model;
        if (!model || this.focused < 0) return null;
        const memo = this.memo.focus;
        if (memo?.graph !== model.graph || memo.focused !== this.focused)
            this.memo.focus = {
                graph: model.graph,
                focused: this.focused,
                focus: focusModel(model.graph, this.focused)
            };
        return this.memo.focus!.focus;
    }

    private get emphasis(): Emphasis | null {
        const model = this.model;
        if (!model) return null;
        const memo = this.memo.emphasis;
        if (
            memo?.graph === model.graph &&
            memo.focused === this.focused &&
            memo.highlighted === this.highlighted
        )
            return memo.emphasis;
        const emphasis =
            this.focused >= 0
                ? this.focus!.emphasis
                : this.highlighted
                  ? emphasisOf(model.graph, this.highlighted)
                  : null;
        this.memo.emphasis = {
            graph: model.graph,
            focused: this.focused,
            highlighted: this.highlighted,
            emphasis
        };
        return emphasis;
    }

    private focusPerson(index: number, reveal = false): void {
        const model = this.model;
        if (!model || index < 0 || index >= model.graph.nodes.length) return;
        const masks = this.masks;
        if (masks && !masks.nodes[index]) {
            // a person a filter hides is brought back by clearing the filters that hide them
            this.centerFilter = ALL;
            this.stanceFilter = ALL;
        }
        this.focused = index;
        this.cursor = index;
        this.highlighted = null;
        this.highlightKey = null;
        this.draft = null;
        this.confirmDeleteId = null;
        this.announcement = describeNode(model.graph, index, PERSON_TEXTS);
        if (reveal) this.showPeople([index]);
        this.painted = false;
    }

    handleClearFocus(): void {
        this.focused = -1;
        this.highlighted = null;
        this.highlightKey = null;
        this.draft = null;
        this.painted = false;
    }

    get hasFocus(): boolean {
        return this.focused >= 0 && !!this.model;
    }

    get person() {
        const model = this.model;
        if (!model || this.focused < 0) return null;
        const node = model.graph.nodes[this.focused]!;
        const centerName = node.buyingCenterId
            ? (model.graph.centerNames.get(node.buyingCenterId) ?? '')
            : '';
        const details = [
            node.title,
            node.decisionRole,
            node.stance,
            node.influence ? formatLabel(LABELS.influence, node.influence) : null,
            centerName,
            node.leaving ? LABELS.leaving : null,
            node.competitorChampion ? formatLabel(LABELS.champions, node.competitorChampion) : null
        ].filter((part): part is string => !!part);
        return {
            id: node.id,
            name: node.name,
            isContact: node.kind === 'contact',
            details: details.join(' · '),
            recordUrl: `/lightning/r/${node.kind === 'user' ? 'User' : 'Contact'}/${node.id}/view`,
            neighbours: formatLabel(LABELS.neighbours, this.focus?.neighbours ?? 0)
        };
    }

    get focusPaths(): { key: string; decisionMaker: string; way: string }[] {
        return (this.focus?.paths ?? []).map((path, i) => ({ key: `${i}`, ...path }));
    }

    get hasFocusPaths(): boolean {
        return this.focusPaths.length > 0;
    }

    get linkRows(): (LinkRow & {
        words: string;
        editing: boolean;
        confirming: boolean;
        canChange: boolean;
        canRemove: boolean;
    })[] {
        const model = this.model;
        if (!model || this.focused < 0) return [];
        return linkRowsOf(model.graph, this.focused).map((row) => ({
            ...row,
            words:
                row.strength === null && row.frequency === null
                    ? formatLabel(
                          row.outgoing ? LABELS.linkOutPlain : LABELS.linkInPlain,
                          row.type,
                          row.otherName
                      )
                    : formatLabel(
                          row.outgoing ? LABELS.linkOut : LABELS.linkIn,
                          row.type,
                          row.otherName,
                          row.strength ?? '–',
                          row.frequency ?? '–'
                      ),
            editing: this.draft?.linkId === row.id && row.id !== null,
            confirming: this.confirmDeleteId === row.id && row.id !== null,
            canChange: row.editable && this.canEdit,
            canRemove: row.editable && this.canDelete
        }));
    }

    get hasLinkRows(): boolean {
        return this.linkRows.length > 0;
    }

    // ---- link editing --------------------------------------------------------------------------

    get canAddLink(): boolean {
        return this.canEdit && !this.draft && !!this.person?.isContact;
    }

    get isAdding(): boolean {
        return !!this.draft && this.draft.linkId === null;
    }

    handleAddLink(): void {
        const firstType = this.view?.picklists?.linkType?.[0]?.value ?? 'Influences';
        this.draft = {
            linkId: null,
            otherId: '',
            direction: 'out',
            type: firstType,
            strength: '',
            frequency: '',
            notes: ''
        };
        this.status = '';
    }

    handleEditLink(event: Event): void {
        const model = this.model;
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const row = this.linkRows.find((entry) => entry.id === id);
        const link = this.view?.links?.find((entry) => entry.id === id);
        if (!model || !row || !link) return;
        this.draft = {
            linkId: id,
            otherId: model.graph.nodes[row.otherIndex]!.id,
            direction: link.fromId === model.graph.nodes[this.focused]!.id ? 'out' : 'in',
            type: link.type ?? '',
            strength: link.strength === null || link.strength === undefined ? '' : String(link.strength),
            frequency: link.frequency ?? '',
            notes: ''
        };
        this.confirmDeleteId = null;
        this.status = '';
    }

    handleCancelLink(): void {
        this.draft = null;
        this.status = '';
    }

    handleDraftChange(event: CustomEvent<{ value: string }>): void {
        if (!this.draft) return;
        const field = (event.currentTarget as HTMLElement).dataset.field as keyof LinkDraft;
        const value = event.detail?.value ?? (event.target as HTMLInputElement).value ?? '';
        this.draft = { ...this.draft, [field]: value };
    }

    private get otherIsUser(): boolean {
        const model = this.model;
        const index = this.draft?.otherId ? model?.graph.indexById.get(this.draft.otherId) : undefined;
        return index !== undefined && model!.graph.nodes[index]!.kind === 'user';
    }

    get draftFields() {
        const model = this.model;
        const draft = this.draft;
        if (!model || !draft) return null;
        const picklists = this.view?.picklists ?? {};
        const others: SelectOption[] = [
            { value: '', label: LABELS.choosePerson },
            ...model.graph.nodes
                .filter((node) => node.index !== this.focused)
                .map((node) => ({
                    value: node.id,
                    label: node.kind === 'user' ? formatLabel(LABELS.teamMember, node.name) : node.name
                }))
                .sort((a, b) => a.label.localeCompare(b.label))
        ];
        const mark = (options: SelectOption[], value: string) =>
            options.map((option) => ({ ...option, selected: option.value === value }));
        return {
            isNew: draft.linkId === null,
            others: mark(others, draft.otherId),
            directions: mark(
                [
                    { value: 'out', label: LABELS.directionOut },
                    { value: 'in', label: LABELS.directionIn }
                ],
                draft.direction
            ),
            directionDisabled: this.otherIsUser,
            types: mark(
                (picklists.linkType ?? []).map((option) => ({
                    value: option.value ?? '',
                    label: option.label ?? ''
                })),
                draft.type
            ),
            strengths: mark(
                [
                    { value: '', label: LABELS.noStrength },
                    ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))
                ],
                draft.strength
            ),
            frequencies: mark(
                [
                    { value: '', label: LABELS.noFrequency },
                    ...(picklists.frequency ?? []).map((option) => ({
                        value: option.value ?? '',
                        label: option.label ?? ''
                    }))
                ],
                draft.frequency
            ),
            notes: draft.notes,
            notesHint: draft.linkId === null ? '' : LABELS.notesKeep
        };
    }

    async handleSaveLink(): Promise<void> {
        const model = this.model;
        const draft = this.draft;
        if (!model || !draft || this.saving || this.focused < 0) return;
        const me = model.graph.nodes[this.focused]!.id;
        const values: Record<string, unknown> = {
            type: draft.type,
            strength: draft.strength === '' ? null : Number(draft.strength),
            frequency: draft.frequency || null
        };
        // an update changes only the keys sent: untyped notes stay as they are
        if (draft.linkId === null || draft.notes) values.notes = draft.notes || null;
        if (draft.linkId === null) {
            // the server refuses a missing person in words; nothing is checked only here
            const toUser = this.otherIsUser;
            const outgoing = toUser || draft.direction === 'out';
            values.fromId = outgoing ? me : draft.otherId || null;
            if (toUser) values.toUserId = draft.otherId;
            else values.toContactId = outgoing ? draft.otherId || null : me;
        }
        this.saving = true;
        this.status = '';
        try {
            await saveLink({ recordId: this.recordId ?? null, linkId: draft.linkId, values });
            this.draft = null;
            this.showStatus(LABELS.saved, false);
            if (this.viewResult) await refreshApex(this.viewResult);
        } catch (error) {
            this.showStatus(errorMessage(error), true);
        } finally {
            this.saving = false;
        }
    }

    handleDeleteLink(event: Event): void {
        this.confirmDeleteId = (event.currentTarget as HTMLElement).dataset.id ?? null;
        this.draft = null;
    }

    handleCancelDelete(): void {
        this.confirmDeleteId = null;
    }

    async handleConfirmDelete(): Promise<void> {
        const id = this.confirmDeleteId;
        if (!id || this.saving) return;
        this.saving = true;
        try {
            await deleteLink({ linkId: id });
            this.confirmDeleteId = null;
            this.showStatus(LABELS.deleted, false);
            if (this.viewResult) await refreshApex(this.viewResult);
        } catch (error) {
            this.showStatus(errorMessage(error), true);
        } finally {
            this.saving = false;
        }
    }

    private showStatus(text: string, isError: boolean): void {
        this.status = text;
        this.statusIsError = isError;
    }

    get statusClass(): string {
        return this.statusIsError ? 'status slds-text-color_error' : 'status slds-text-color_success';
    }

    // ---- legend and export ---------------------------------------------------------------------

    get legend(): (MapLegendEntry & { key: string; style: string; className: string })[] {
        return this.legendEntries().map((entry, i) => ({
            ...entry,
            key: `${i}`,
            style: entry.colour ? `background:${entry.colour}` : '',
            className: entry.line ? `legend-line legend-line_${entry.line}` : 'legend-swatch'
        }));
    }

    private legendEntries(): MapLegendEntry[] {
        return [
            ...Object.entries(STANCE_COLOURS).map(([stance, colour]) => ({ label: stance, colour })),
            { label: LABELS.noStance, colour: UNKNOWN_STANCE_COLOUR },
            { label: LABELS.ourTeam, colour: TEAM_COLOUR },
            { label: LABELS.legendLink, line: 'link' as const },
            { label: LABELS.legendInfrequent, line: 'infrequent' as const },
            { label: LABELS.legendReporting, line: 'reporting' as const }
        ];
    }

    private exportPlan(): DrawingPlan | null {
        const model = this.model;
        const masks = this.masks;
        if (!model || !masks) return null;
        return planDrawing(model.graph, model.layout, {
            nodes: masks.nodes,
            edges: masks.edges,
            emphasis: this.emphasis,
            reportingLines: this.showingReportingLines,
            groupNames: GROUP_NAMES
        });
    }

    private picture() {
        const plan = this.exportPlan();
        if (!plan) return null;
        return planToSvg(plan, {
            title: formatLabel(LABELS.exportTitle, this.view?.accountName ?? ''),
            subtitle: formatLabel(LABELS.exportDate, formatIsoDate(isoToday())),
            legend: this.legendEntries()
        });
    }

    private get pictureName(): string {
        return fileNameOf(this.view?.accountName, 'relationship-map', 'relationship-map');
    }

    handleExportSvg(): void {
        const picture = this.picture();
        if (picture) this.pictures.svg(picture, this.pictureName);
    }

    handleExportPng(): void {
        const picture = this.picture();
        if (picture)
            this.pictures.png(picture, this.pictureName, () => this.showStatus(LABELS.exportFailed, true));
    }

    // ---- drawing -------------------------------------------------------------------------------

    get mapStyle(): string {
        const wanted = Math.max(240, Math.min(2000, Number(this.height) || 560));
        const phone = typeof window !== 'undefined' && window.innerWidth < PHONE_WIDTH;
        return `height:${phone ? Math.min(wanted, PHONE_MAX_HEIGHT) : wanted}px`;
    }

    private get canvas(): HTMLCanvasElement | null {
        return this.template?.querySelector<HTMLCanvasElement>('canvas') ?? null;
    }

    override renderedCallback(): void {
        const canvas = this.canvas;
        if (!canvas || !this.model) return;
        if (canvas !== this.observedCanvas) {
            // a new canvas (the map came back after loading or an error): measure it and paint it whole
            this.observedCanvas = canvas;
            this.sized = false;
            this.painted = false;
            this.snapshot = undefined;
            this.resizeObserver?.disconnect();
            if (typeof ResizeObserver !== 'undefined') {
                this.resizeObserver = new ResizeObserver(() => {
                    this.sized = false;
                    this.repaint();
                });
                this.resizeObserver.observe(canvas.parentElement ?? canvas);
            }
        }
        this.requestPaint();
    }

    private observedCanvas?: HTMLCanvasElement;
    /** False until the canvas was measured since it appeared or its box changed. */
    private sized = false;
    private paintRequested = false;

    /**
     * Paints once in the next frame however many wheel turns, drags or keys asked for it: a frame paints
     * what the user sees, never a backlog.
     */
    private requestPaint(): void {
        if (this.paintRequested) return;
        this.paintRequested = true;
        const frame =
            typeof requestAnimationFrame === 'function'
                ? requestAnimationFrame
                : (callback: () => void) => callback();
        // one paint per frame, in step with the screen
        frame(() => {
            this.paintRequested = false;
            this.paint();
        });
    }

    /**
     * The drawing plan of what the filters keep and the focus brings forward, made again only when one
     * of those changed: a pan or a zoom repaints the same plan.
     */
    private currentPlan(model: Computed, masks: Masks): DrawingPlan {
        const emphasis = this.emphasis;
        const reportingLines = this.showingReportingLines;
        const memo = this.memo.plan;
        if (
            memo?.graph !== model.graph ||
            memo.masks !== masks ||
            memo.emphasis !== emphasis ||
            memo.reportingLines !== reportingLines
        )
            this.memo.plan = {
                graph: model.graph,
                masks,
                emphasis,
                reportingLines,
                plan: planDrawing(model.graph, model.layout, {
                    nodes: masks.nodes,
                    edges: masks.edges,
                    emphasis,
                    reportingLines,
                    groupNames: GROUP_NAMES
                })
            };
        const plan = this.memo.plan!.plan;
        const { x, y, radius } = model.layout;
        const at = this.cursor;
        plan.selected = at >= 0 && at < x.length ? { x: x[at]!, y: y[at]!, radius: radius[at]! } : null;
        return plan;
    }

    /** Sizes the canvas to its box (device pixels for sharp lines) and paints the current state. */
    private paint(): void {
        const canvas = this.canvas;
        const model = this.model;
        const masks = this.masks;
        if (!canvas || !model || !masks) return;
        const ratio = (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
        if (!this.sized) {
            this.sized = true;
            const box = canvas.parentElement?.getBoundingClientRect();
            const width = Math.max(1, Math.round(box?.width || canvas.clientWidth || 600));
            const height = Math.max(1, Math.round(box?.height || canvas.clientHeight || 400));
            if (
                width !== this.canvasWidth ||
                height !== this.canvasHeight ||
                canvas.width !== Math.round(width * ratio)
            ) {
                this.canvasWidth = width;
                this.canvasHeight = height;
                canvas.width = Math.round(width * ratio);
                canvas.height = Math.round(height * ratio);
                canvas.style.width = `${width}px`;
                canvas.style.height = `${height}px`;
                this.painted = false;
                this.snapshot = undefined;
            }
        }
        if (this.painted) {
            if (this.previewRequested) this.paintPreview(canvas, ratio);
            return;
        }
        this.previewRequested = false;
        const plan = this.currentPlan(model, masks);
        if (this.needsFit || !this.viewTransform) {
            this.viewTransform = fitView(plan, this.canvasWidth, this.canvasHeight);
            this.needsFit = false;
        }
        const context = canvas.getContext('2d');
        if (!context) return;
        const v = this.viewTransform;
        paintPlan(context, plan, { scale: v.scale * ratio, tx: v.tx * ratio, ty: v.ty * ratio });
        this.painted = true;
        canvas.dataset.painted = String((Number(canvas.dataset.painted) || 0) + 1);
        this.keepSnapshot(canvas, v);
    }

    private snapshot?: { image: HTMLCanvasElement; view: View };
    private previewRequested = false;
    private settleTimer?: ReturnType<typeof setTimeout>;

    private keepSnapshot(canvas: HTMLCanvasElement, view: View): void {
        const image = this.snapshot?.image ?? document.createElement('canvas');
        image.width = canvas.width;
        image.height = canvas.height;
        const copy = image.getContext('2d');
        if (!copy) return;
        copy.drawImage(canvas, 0, 0);
        this.snapshot = { image, view: { ...view } };
    }

    /** The last full painting, moved and scaled to the current view. */
    private paintPreview(canvas: HTMLCanvasElement, ratio: number): void {
        this.previewRequested = false;
        const snapshot = this.snapshot;
        const view = this.viewTransform;
        const context = canvas.getContext('2d');
        if (!snapshot || !view || !context) return;
        const k = view.scale / snapshot.view.scale;
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.setTransform(
            k,
            0,
            0,
            k,
            (view.tx - snapshot.view.tx * k) * ratio,
            (view.ty - snapshot.view.ty * k) * ratio
        );
        context.drawImage(snapshot.image, 0, 0);
        context.setTransform(1, 0, 0, 1, 0, 0);
        canvas.dataset.painted = String((Number(canvas.dataset.painted) || 0) + 1);
    }

    /** A pan or a zoom: the moved snapshot in the next frame, the full painting once the gesture rests. */
    private moveView(view: View): void {
        this.viewTransform = view;
        if (!this.snapshot || !this.painted) {
            this.repaint();
            return;
        }
        this.previewRequested = true;
        this.requestPaint();
        clearTimeout(this.settleTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the sharp frame once the gesture rests
        this.settleTimer = setTimeout(() => this.repaint(), SETTLE_MS);
    }

    private repaint(): void {
        this.painted = false;
        this.requestPaint();
    }

    handleFit(): void {
        this.needsFit = true;
        this.repaint();
    }

    handleZoomIn(): void {
        this.zoom(ZOOM_STEP, this.canvasWidth / 2, this.canvasHeight / 2);
    }

    handleZoomOut(): void {
        this.zoom(1 / ZOOM_STEP, this.canvasWidth / 2, this.canvasHeight / 2);
    }

    private zoom(factor: number, cx: number, cy: number): void {
        const v = this.viewTransform;
        if (!v) return;
        const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, v.scale * factor));
        const k = scale / v.scale;
        this.moveView({ scale, tx: cx - (cx - v.tx) * k, ty: cy - (cy - v.ty) * k });
    }

    /** Pans so the given people are on screen, zooming in far enough to read names when they fit. */
    private showPeople(people: readonly number[]): void {
        const model = this.model;
        const v = this.viewTransform;
        if (!model || !v || !people.length || !this.canvasWidth) return;
        const { x, y } = model.layout;
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const p of people) {
            minX = Math.min(minX, x[p]!);
            maxX = Math.max(maxX, x[p]!);
            minY = Math.min(minY, y[p]!);
            maxY = Math.max(maxY, y[p]!);
        }
        const margin = 60;
        const fits = Math.min(
            (this.canvasWidth - 2 * margin) / Math.max(1, maxX - minX),
            (this.canvasHeight - 2 * margin) / Math.max(1, maxY - minY)
        );
        const scale = Math.max(MIN_SCALE, Math.min(1, fits, MAX_SCALE));
        this.viewTransform = {
            scale,
            tx: this.canvasWidth / 2 - ((minX + maxX) / 2) * scale,
            ty: this.canvasHeight / 2 - ((minY + maxY) / 2) * scale
        };
        this.painted = false;
    }

    private worldPoint(event: MouseEvent): { x: number; y: number } | null {
        const canvas = this.canvas;
        const v = this.viewTransform;
        if (!canvas || !v) return null;
        const box = canvas.getBoundingClientRect();
        return {
            x: (event.clientX - box.left - v.tx) / v.scale,
            y: (event.clientY - box.top - v.ty) / v.scale
        };
    }

    handlePointerDown(event: PointerEvent): void {
        const v = this.viewTransform;
        if (!v) return;
        this.drag = {
            x: event.clientX,
            y: event.clientY,
            tx: v.tx,
            ty: v.ty,
            moved: false,
            pointerId: event.pointerId
        };
        (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    }

    handlePointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || !this.viewTransform) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        drag.moved = true;
        this.moveView({ ...this.viewTransform, tx: drag.tx + dx, ty: drag.ty + dy });
    }

    handlePointerUp(event: PointerEvent): void {
        const drag = this.drag;
        this.drag = undefined;
        if (!drag || drag.moved) return;
        const model = this.model;
        const masks = this.masks;
        const point = this.worldPoint(event);
        if (!model || !masks || !point || !this.viewTransform) return;
        const index = nodeAt(model.layout, masks.nodes, point.x, point.y, 4 / this.viewTransform.scale);
        if (index >= 0) this.focusPerson(index);
        else this.handleClearFocus();
    }

    handleWheel(event: WheelEvent): void {
        const canvas = this.canvas;
        if (!canvas) return;
        event.preventDefault();
        const box = canvas.getBoundingClientRect();
        this.zoom(
            event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP,
            event.clientX - box.left,
            event.clientY - box.top
        );
    }

    handleKeyDown(event: KeyboardEvent): void {
        const model = this.model;
        const masks = this.masks;
        if (!model || !masks) return;
        const directions: Record<string, Direction> = {
            ArrowLeft: 'left',
            ArrowRight: 'right',
            ArrowUp: 'up',
            ArrowDown: 'down'
        };
        const direction = directions[event.key];
        if (direction) {
            event.preventDefault();
            // the first press lands on the person nearest the middle of what is on screen
            const v = this.viewTransform;
            const next =
                this.cursor < 0 && v
                    ? nearestTo(
                          model.layout,
                          masks.nodes,
                          (this.canvasWidth / 2 - v.tx) / v.scale,
                          (this.canvasHeight / 2 - v.ty) / v.scale
                      )
                    : nearestInDirection(model.layout, masks.nodes, this.cursor, direction);
            if (next >= 0) {
                this.cursor = next;
                this.announcement = describeNode(model.graph, next, PERSON_TEXTS);
                this.keepOnScreen(next);
                this.repaint();
            }
            return;
        }
        if ((event.key === 'Enter' || event.key === ' ') && this.cursor >= 0) {
            event.preventDefault();
            this.focusPerson(this.cursor);
            this.repaint();
        } else if (event.key === 'Escape') {
            this.handleClearFocus();
            this.repaint();
        } else if (event.key === '+' || event.key === '=') {
            this.handleZoomIn();
        } else if (event.key === '-') {
            this.handleZoomOut();
        } else if (event.key === '0') {
            this.handleFit();
        }
    }

    private keepOnScreen(index: number): void {
        const model = this.model;
        const v = this.viewTransform;
        if (!model || !v) return;
        const sx = model.layout.x[index]! * v.scale + v.tx;
        const sy = model.layout.y[index]! * v.scale + v.ty;
        const margin = 30;
        if (sx > margin && sx < this.canvasWidth - margin && sy > margin && sy < this.canvasHeight - margin)
            return;
        this.viewTransform = {
            ...v,
            tx: v.tx + this.canvasWidth / 2 - sx,
            ty: v.ty + this.canvasHeight / 2 - sy
        };
    }

    get mapLabel(): string {
        return formatLabel(LABELS.mapLabel, this.view?.accountName ?? '');
    }

    get ownsRelationship(): string {
        return OWNS_RELATIONSHIP;
    }
}
