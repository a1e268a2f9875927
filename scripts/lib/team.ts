// Our key-account team in the demo story (Users), which relationships each owns, who signs off which plan
// and who delivers which milestone. Users cannot be tree-imported, so the scratch-org flow creates them with
// `sf org create user` and sets owners, approvers and assignees with anonymous Apex generated here; the
// preview's emulator reads the same file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANAGER_PERMISSION_SET, USER_PERMISSION_SET } from './orgCommands';

export interface TeamMember {
    alias: string;
    firstName: string;
    lastName: string;
    title: string;
    /** A manager gets Keystone Manager (every plan, sign-off); everyone else is a rep with Keystone User. */
    role?: 'rep' | 'manager';
}

export interface Team {
    users: TeamMember[];
    /** Contact email → owner alias. */
    relationshipOwners: Record<string, string>;
    /** Account plan name → the alias of the manager who signs it off (the plan's Approver). */
    planApprovers: Record<string, string>;
    /** Plan milestone name → the alias of who on our team delivers it (the milestone's Assignee). */
    milestoneAssignees: Record<string, string>;
}

/** A team with no one in it: what a data folder without `team/team.json` has. */
function emptyTeam(): Team {
    return { users: [], relationshipOwners: {}, planApprovers: {}, milestoneAssignees: {} };
}

/** The team of a data folder (`team/team.json`), or an empty team when the folder has none. */
export function readTeam(dataDir: string): Team {
    const file = path.join(dataDir, 'team', 'team.json');
    if (!fs.existsSync(file)) return emptyTeam();
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Team>;
    const team: Team = {
        users: raw.users ?? [],
        relationshipOwners: raw.relationshipOwners ?? {},
        planApprovers: raw.planApprovers ?? {},
        milestoneAssignees: raw.milestoneAssignees ?? {}
    };
    const byAlias = new Map(team.users.map((user) => [user.alias, user]));
    for (const user of team.users) {
        if (user.role !== undefined && user.role !== 'rep' && user.role !== 'manager')
            throw new Error(`${file}: ${user.alias} has role "${String(user.role)}" (known: rep, manager)`);
    }
    for (const [email, alias] of Object.entries(team.relationshipOwners)) {
        if (!byAlias.has(alias)) throw new Error(`${file}: ${email} is owned by unknown alias ${alias}`);
    }
    for (const [plan, alias] of Object.entries(team.planApprovers)) {
        const approver = byAlias.get(alias);
        if (!approver) throw new Error(`${file}: "${plan}" is signed off by unknown alias ${alias}`);
        if (approver.role !== 'manager')
            throw new Error(`${file}: "${plan}" is signed off by ${alias}, who is not a manager`);
    }
    for (const [milestone, alias] of Object.entries(team.milestoneAssignees)) {
        if (!byAlias.has(alias))
            throw new Error(`${file}: "${milestone}" is assigned to unknown alias ${alias}`);
    }
    return team;
}

/** The permission set a team member gets: Keystone Manager for managers, Keystone User for reps. */
export function permissionSetOf(member: TeamMember): string {
    return member.role === 'manager' ? MANAGER_PERMISSION_SET : USER_PERMISSION_SET;
}

/** A `sf org create user --definition-file` body for a team member, with their permission set assigned. */
export function userDefinition(member: TeamMember): Record<string, unknown> {
    const local = `${member.firstName}.${member.lastName}`.toLowerCase();
    return {
        Username: `${local}@keystone-demo.example`,
        FirstName: member.firstName,
        LastName: member.lastName,
        Alias: member.alias,
        Title: member.title,
        Email: `${local}@keystone-demo.example`,
        TimeZoneSidKey: 'Europe/London',
        LocaleSidKey: 'en_GB',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        profileName: 'Standard User',
        permsets: [permissionSetOf(member)],
        generatePassword: false
    };
}

/** The user licence every team member takes: `userDefinition` gives them the Standard User profile. */
export const TEAM_LICENCE = 'Salesforce';

/** The query that tells how many team members fit (UserLicense: TotalLicenses, UsedLicenses). */
export const LICENCE_QUERY = `SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name = '${TEAM_LICENCE}'`;

/**
 * Free licences from the `sf data query --json` answer to {@link LICENCE_QUERY}. Throws a readable error
 * when the answer is not one the query gives, so setup stops instead of guessing.
 */
export function freeLicences(answer: string): number {
    let parsed: unknown;
    try {
        parsed = JSON.parse(answer);
    } catch {
        throw new Error(`the licence query did not answer JSON: ${answer.slice(0, 200)}`);
    }
    const records = (parsed as { result?: { records?: unknown } } | null)?.result?.records;
    const row = Array.isArray(records)
        ? (records as Record<string, unknown>[]).find((record) => record.Name === TEAM_LICENCE)
        : undefined;
    if (!row) throw new Error(`the org reports no "${TEAM_LICENCE}" user licence`);
    const total = row.TotalLicenses;
    const used = row.UsedLicenses;
    if (typeof total !== 'number' || typeof used !== 'number')
        throw new Error(`the "${TEAM_LICENCE}" licence has no TotalLicenses/UsedLicenses numbers`);
    return Math.max(0, total - used);
}

export interface FittedTeam {
    /** The team as it will exist: only created members, their relationships and approvals. */
    team: Team;
    created: TeamMember[];
    skipped: TeamMember[];
    /**
     * What the admin must know: who was left out, who took over whose relationships and milestones, plans
     * without an approver.
     */
    notices: string[];
}

function fullName(member: TeamMember): string {
    return `${member.firstName} ${member.lastName}`;
}

/**
 * The part of the team that fits in `free` user licences. The number a scratch org has is not documented
 * per edition, so setup reads it from the org and creates whom it can: managers who sign off a plan first
 * (sign-off is the story's last step), then reps by how many relationships they own. A left-out rep's
 * relationships and milestones go to the first created rep (or, with no rep, the first created member), so
 * the heat map keeps its owners and every milestone someone to deliver it; a plan whose approver was left
 * out keeps none, and the notice says so.
 */
export function fitTeamToLicences(team: Team, free: number): FittedTeam {
    const approvers = new Set(Object.values(team.planApprovers));
    const owned = new Map<string, number>();
    for (const alias of Object.values(team.relationshipOwners)) owned.set(alias, (owned.get(alias) ?? 0) + 1);
    const rank = (member: TeamMember): number => (approvers.has(member.alias) ? 0 : 1);
    const order = team.users
        .map((member, index) => ({ member, index }))
        .sort(
            (a, b) =>
                rank(a.member) - rank(b.member) ||
                (owned.get(b.member.alias) ?? 0) - (owned.get(a.member.alias) ?? 0) ||
                a.index - b.index
        )
        .map(({ member }) => member);
    const createdSet = new Set(order.slice(0, Math.max(0, Math.floor(free))).map((member) => member.alias));
    const created = team.users.filter((member) => createdSet.has(member.alias));
    const skipped = team.users.filter((member) => !createdSet.has(member.alias));
    if (!skipped.length) return { team, created, skipped, notices: [] };

    const heir =
        order.find((member) => createdSet.has(member.alias) && member.role !== 'manager') ??
        order.find((member) => createdSet.has(member.alias));
    const inherit = (entries: Record<string, string>): Record<string, string> => {
        const kept: Record<string, string> = {};
        for (const [key, alias] of Object.entries(entries)) {
            if (createdSet.has(alias)) kept[key] = alias;
            else if (heir) kept[key] = heir.alias;
        }
        return kept;
    };
    const relationshipOwners = inherit(team.relationshipOwners);
    const milestoneAssignees = inherit(team.milestoneAssignees);
    const assigned = new Map<string, number>();
    for (const alias of Object.values(team.milestoneAssignees))
        assigned.set(alias, (assigned.get(alias) ?? 0) + 1);
    const planApprovers: Record<string, string> = {};
    const notices = [
        `The org has ${free} free ${TEAM_LICENCE} user licence${free === 1 ? '' : 's'} for a team of ${team.users.length}: ` +
            `not created: ${skipped.map(fullName).join(', ')}.`
    ];
    for (const member of skipped) {
        const count = owned.get(member.alias) ?? 0;
        if (!count) continue;
        notices.push(
            heir
                ? `${fullName(member)}'s ${count} relationship${count === 1 ? '' : 's'} are owned by ${fullName(heir)} instead.`
                : `${fullName(member)}'s ${count} relationship${count === 1 ? '' : 's'} have no owner.`
        );
    }
    for (const member of skipped) {
        const count = assigned.get(member.alias) ?? 0;
        if (!count) continue;
        notices.push(
            heir
                ? `${fullName(member)}'s ${count} milestone${count === 1 ? '' : 's'} are assigned to ${fullName(heir)} instead.`
                : `${fullName(member)}'s ${count} milestone${count === 1 ? '' : 's'} have no assignee.`
        );
    }
    for (const [plan, alias] of Object.entries(team.planApprovers)) {
        if (createdSet.has(alias)) planApprovers[plan] = alias;
        else
            notices.push(
                `"${plan}" has no approver: set Approver on the plan to a user with Keystone Manager before submitting it.`
            );
    }
    return {
        team: { users: created, relationshipOwners, planApprovers, milestoneAssignees },
        created,
        skipped,
        notices
    };
}

function apexString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function apexMap(entries: Record<string, string>): string {
    const lines = Object.entries(entries).map(
        ([key, value]) => `    ${apexString(key)} => ${apexString(value)}`
    );
    return lines.length ? `new Map<String, String>{\n${lines.join(',\n')}\n}` : 'new Map<String, String>()';
}

/**
 * Anonymous Apex that measures the key accounts as the nightly Key Account Score job does (relationship
 * type, hygiene, health, today's snapshot), so a new org and the preview show today's scores beside the
 * demo story's history without waiting for the first night.
 */
export const TODAYS_SCORES_APEX: readonly string[] = [
    "Set<Id> keyAccountIds = new Map<Id, Account>([SELECT Id FROM Account WHERE Key_Account_Tier__c IN ('Tier 1', 'Tier 2', 'Tier 3') WITH USER_MODE]).keySet();",
    'KeyAccountScoreJob.snapshot(keyAccountIds, Date.today());'
];

/**
 * Anonymous Apex that sets each contact's relationship owner (by email and user alias), each plan's
 * approver (by plan name and user alias) and each milestone's assignee (by milestone name and user alias),
 * in user mode, and fails naming whatever it could not find or a milestone name that is not one
 * milestone's, so the setup step fails instead of leaving a half-assigned story; then today's scores.
 */
export function ownerAssignmentApex(team: Team): string {
    return [
        '// Generated by scripts/setup-scratch.ts from scripts/data/team/team.json.',
        `Map<String, String> ownerByEmail = ${apexMap(team.relationshipOwners)};`,
        `Map<String, String> approverByPlan = ${apexMap(team.planApprovers)};`,
        `Map<String, String> assigneeByMilestone = ${apexMap(team.milestoneAssignees)};`,
        'Set<String> aliases = new Set<String>(ownerByEmail.values());',
        'aliases.addAll(approverByPlan.values());',
        'aliases.addAll(assigneeByMilestone.values());',
        'Map<String, Id> userByAlias = new Map<String, Id>();',
        'for (User member : [SELECT Id, Alias FROM User WHERE Alias IN :aliases WITH USER_MODE]) {',
        '    userByAlias.put(member.Alias, member.Id);',
        '}',
        'Set<String> missingUsers = aliases.clone();',
        'missingUsers.removeAll(userByAlias.keySet());',
        'if (!missingUsers.isEmpty()) {',
        "    throw new IllegalArgumentException('Keystone: no user with alias ' + String.join(new List<String>(missingUsers), ', '));",
        '}',
        'List<Contact> owned = new List<Contact>();',
        'Set<String> missingContacts = new Set<String>(ownerByEmail.keySet());',
        'for (Contact person : [SELECT Id, Email FROM Contact WHERE Email IN :ownerByEmail.keySet() WITH USER_MODE]) {',
        '    owned.add(new Contact(Id = person.Id, Relationship_Owner__c = userByAlias.get(ownerByEmail.get(person.Email))));',
        '    missingContacts.remove(person.Email);',
        '}',
        'List<Account_Plan__c> plans = new List<Account_Plan__c>();',
        'Set<String> missingPlans = new Set<String>(approverByPlan.keySet());',
        'for (Account_Plan__c plan : [SELECT Id, Name FROM Account_Plan__c WHERE Name IN :approverByPlan.keySet() WITH USER_MODE]) {',
        '    plans.add(new Account_Plan__c(Id = plan.Id, Approver__c = userByAlias.get(approverByPlan.get(plan.Name))));',
        '    missingPlans.remove(plan.Name);',
        '}',
        'List<Plan_Milestone__c> milestones = new List<Plan_Milestone__c>();',
        'Set<String> missingMilestones = new Set<String>(assigneeByMilestone.keySet());',
        'Set<String> seenMilestones = new Set<String>();',
        'Set<String> ambiguousMilestones = new Set<String>();',
        'for (Plan_Milestone__c milestone : [SELECT Id, Name FROM Plan_Milestone__c WHERE Name IN :assigneeByMilestone.keySet() WITH USER_MODE]) {',
        '    if (!seenMilestones.add(milestone.Name)) ambiguousMilestones.add(milestone.Name);',
        '    milestones.add(new Plan_Milestone__c(Id = milestone.Id, Assignee__c = userByAlias.get(assigneeByMilestone.get(milestone.Name))));',
        '    missingMilestones.remove(milestone.Name);',
        '}',
        'List<String> notImported = new List<String>(missingContacts);',
        'notImported.addAll(missingPlans);',
        'notImported.addAll(missingMilestones);',
        'if (!notImported.isEmpty()) {',
        "    throw new IllegalArgumentException('Keystone: not imported: ' + String.join(notImported, ', '));",
        '}',
        'if (!ambiguousMilestones.isEmpty()) {',
        "    throw new IllegalArgumentException('Keystone: more than one milestone is named ' + String.join(new List<String>(ambiguousMilestones), ', ') + ': name each milestone once in team.json');",
        '}',
        'update as user owned;',
        'update as user plans;',
        'update as user milestones;',
        "System.debug('Keystone: relationship owners set on ' + owned.size() + ' contacts, approvers on ' + plans.size() + ' plans, assignees on ' + milestones.size() + ' milestones');",
        ...TODAYS_SCORES_APEX,
        ''
    ].join('\n');
}
