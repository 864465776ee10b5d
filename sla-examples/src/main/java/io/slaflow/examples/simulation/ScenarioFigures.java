package io.slaflow.examples.simulation;

/**
 * What happened at the desk in one scenario beyond the SLA figures of its requests: how the calls
 * went, how often work waited on the customer or changed hands, and the SLA events the engine
 * announced. Immutable and thread-safe.
 *
 * @param scenario the scenario's name, e.g. {@code baseline}
 * @param staffing the staffing it ran with
 * @param requests requests filed
 * @param callsTaken calls a free consultant took at once
 * @param missedCalls calls that found every consultant busy (or came outside the desk's hours)
 * @param callBacks missed calls called back
 * @param waits questions put to the customer (each pauses the countdowns until the reply)
 * @param handOvers hand-overs to another line
 * @param calledIn emergencies a duty specialist took while off shift, on call (D7)
 * @param notReachable times a duty specialist called in off shift could not take the emergency
 * @param declines emergencies a duty specialist declined through the engine ({@code SlaEngine.decline}),
 *     each then offered to the next on duty: one on the {@code Incidents} day, and those of a specialist
 *     on call who could not come and had it offered alone
 * @param warnings warnings the engine announced
 * @param breaches breaches the engine announced (response and resolution counted apart)
 * @param escalations escalations the engine announced
 * @param timerJobs timer jobs {@code fireDueTimers()} ran
 * @param acceptanceCases development requests whose solution was proposed in the acceptance workflow
 * @param accepted of those, the ones whose work the customer accepted
 * @param acceptedAfterRework of the accepted, the ones accepted after a rework round
 * @param reworkRounds demonstrations that failed a scenario and sent the work back for rework
 * @param payments payments recorded per the contract's terms (before work, after acceptance)
 * @param stepsTakenOver acceptance steps of support (specification, work, rework) that another programmer
 *     than the one who took the case's step before took from their work list
 */
public record ScenarioFigures(String scenario, Staffing staffing, int requests, int callsTaken, int missedCalls,
        int callBacks, int waits, int handOvers, int calledIn, int notReachable, int declines, int warnings, int breaches,
        int escalations, int timerJobs, int acceptanceCases, int accepted, int acceptedAfterRework, int reworkRounds,
        int payments, int stepsTakenOver) {
}
