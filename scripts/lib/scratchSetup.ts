// The scratch-org setup as one run: the base steps, then the team that fits the org's free user licences
// (read from the org, because the count per scratch edition is not documented), then the Apex tests.
// Side effects come in as functions, so tests drive the whole flow with fake `sf` answers.
import {
    StepFailedError,
    licenceQueryStep,
    runSteps,
    scratchOrgBaseSteps,
    scratchOrgTestSteps,
    teamSteps,
    type ScratchOptions,
    type StepExecutor,
    type StepReader
} from './orgCommands';
import { LICENCE_QUERY, fitTeamToLicences, freeLicences, type FittedTeam, type Team } from './team';

export interface ScratchSetupIo {
    execute: StepExecutor;
    read: StepReader;
    log: (line: string) => void;
    /** Writes the created members' user definitions and the owner-assignment Apex the team steps run. */
    writeTeamFiles: (team: Team) => void;
    /** Lines printed after every step succeeded. */
    readyLines: (team: Team) => string[];
}

/** Runs (or, on a dry run, prints) the whole setup; returns the team as created. */
export function runScratchSetup(
    options: ScratchOptions & { dryRun: boolean },
    team: Team,
    io: ScratchSetupIo
): FittedTeam {
    const base = scratchOrgBaseSteps(options);
    const licence = licenceQueryStep(options.alias, LICENCE_QUERY);
    const tests = scratchOrgTestSteps(options);
    if (options.dryRun) {
        const all = [
            base,
            [licence],
            teamSteps(
                options.alias,
                team.users.map((m) => m.alias)
            ),
            tests
        ].flat();
        io.log(
            'The free licence count decides which team members are created; this dry run lists all of them.'
        );
        runSteps(all, { dryRun: true, log: io.log });
        return fitTeamToLicences(team, team.users.length);
    }
    runSteps(base, { dryRun: false, execute: io.execute, log: io.log });
    io.log(`\n${licence.title}\n$ sf ${licence.args.join(' ')}`);
    const answer = io.read(licence.args);
    if (answer.status !== 0) throw new StepFailedError(licence.title, answer.status);
    let fitted: FittedTeam;
    try {
        fitted = fitTeamToLicences(team, freeLicences(answer.stdout));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`step "${licence.title}" failed: ${reason}; the steps after it did not run`);
    }
    for (const notice of fitted.notices) io.log(`Note: ${notice}`);
    io.writeTeamFiles(fitted.team);
    const rest = [
        ...teamSteps(
            options.alias,
            fitted.created.map((m) => m.alias)
        ),
        ...tests
    ];
    runSteps(rest, {
        dryRun: false,
        execute: io.execute,
        log: io.log,
        done: [...io.readyLines(fitted.team), ...fitted.notices.map((notice) => `  Note: ${notice}`)]
    });
    return fitted;
}
