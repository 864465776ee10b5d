package io.slaflow.bpmn;

import io.slaflow.bpmn.internal.AcceptanceOperations;
import io.slaflow.bpmn.internal.AcceptanceQueries;
import io.slaflow.bpmn.internal.Arguments;
import io.slaflow.bpmn.internal.Contracts;
import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.InvalidResultsException;
import io.slaflow.core.acceptance.InvalidSpecificationException;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.acceptance.WarrantyExpiredException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The acceptance workflow of an {@link SlaEngine} (D9, D10, D11, D5), as the BPMN process
 * {@code acceptance.bpmn20.xml}: a solution is proposed and agreed, a specification with acceptance
 * scenarios approved (required for development work), an overdraw of the prepaid hours approved, the
 * payments of the contract's terms awaited at their points, the work done, demonstrated and accepted
 * or sent back for rework, and the accepted work kept under warranty until a timer closes it. The rules
 * are those of {@link AcceptanceCase}; the case is stored with its process as plain data.
 *
 * <p>A case starts in one of two ways: the line of a request filed through intake proposes a solution
 * ({@link #proposeSolution}; the intake calls the workflow and the request's id names the case), or a
 * host starts one on its own ({@link #start}, which returns the case's id). Support's steps are taken by
 * members of the case's group (who claim its open task); the customer's by the request's requester or a
 * key user of the contract; payments by the host.
 *
 * <pre>{@code
 * AcceptanceWorkflow acceptance = desk.acceptance();
 * acceptance.proposeSolution(id, "ivan", Solution.of("Check the limit on posting", "Over-limit documents do not post"));
 * acceptance.agreeSolution(id, "olena");
 * acceptance.submitSpecification(id, "ivan", spec);
 * acceptance.approveSpecification(id, "olena");
 * acceptance.completeWork(id, "ivan");
 * acceptance.recordResults(id, "olena", List.of(ScenarioResult.passed("Receivables limit")));
 * acceptance.status(id).stage();   // WARRANTY, or PAYMENT_AFTER_ACCEPTANCE while a payment is due
 * }</pre>
 *
 * <p>Prepaid hours (D5) are one account per customer in the engine's database, shared by the
 * customer's cases and every node ({@link #prepaidAccount}, {@link #addPrepaidHours}): approving a
 * specification holds (reserves) the hours the free (available) balance covers, acceptance draws
 * them, and a total beyond the free hours waits for the customer's decision on the overdraw. Tables
 * changed outside slaflow so that a step would break the account's rules (say, more hours held than
 * the balance) give a {@link DatabaseException}, and the step changes nothing.
 *
 * <p>Every operation is one transaction; a refused one changes nothing and throws an
 * {@link io.slaflow.core.SlaException}: {@link UnknownRequestException} for an id that names nothing,
 * {@link WrongStageException} for a step the case is not ready for (or a request not in the workflow),
 * {@link AlreadyDoneException} for a step done before, {@link NotAllowedException} for a user who may
 * not take it, and the validation exceptions of the core for bad data. Thread-safe.
 */
public final class AcceptanceWorkflow {

    private final AcceptanceOperations operations;
    private final AcceptanceQueries queries;
    private final Contracts contracts;
    private final Consumer<ServiceContract> changeContract;
    private final Runnable ensureOpen;

    AcceptanceWorkflow(AcceptanceOperations operations, AcceptanceQueries queries, Contracts contracts,
            Consumer<ServiceContract> changeContract, Runnable ensureOpen) {
        this.operations = operations;
        this.queries = queries;
        this.contracts = contracts;
        this.changeContract = changeContract;
        this.ensureOpen = ensureOpen;
    }

    /**
     * Starts a case a host files on its own, with {@code user}'s proposed solution. Its tasks go to the
     * group the routing rules finally give work of the request's kind (development from a key user: to
     * analysts, handed to programmers); {@code user} must belong to it.
     *
     * @param request the request the work answers; its customer becomes the case's tenant
     * @param user the specialist proposing the solution
     * @param solution the proposed solution and its expected result
     * @return the case's id
     * @throws NoContractException if the engine has no contract for the request's customer
     * @throws NotAllowedException if {@code user} is unknown or not of that group
     */
    public String start(ServiceRequest request, String user, Solution solution) {
        ensureOpen.run();
        return operations.start(Objects.requireNonNull(request, "request"), Arguments.text(user, "user"),
                Objects.requireNonNull(solution, "solution"));
    }

    /**
     * The line of intake request {@code id} proposes a solution: the request leaves its work task for
     * the acceptance workflow (stage {@link RequestStage#ACCEPTANCE}), and its resolution countdown
     * pauses while the customer decides. From then on, the countdown runs while support works, pauses
     * whenever the case waits on the customer, and is met when the work is accepted.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @param solution the proposed solution and its expected result
     * @throws UnknownRequestException if no request has this id
     * @throws WrongStageException unless the request is being worked on (after its response)
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws NoContractException if the engine has no contract for the request's customer
     */
    public void proposeSolution(String id, String user, Solution solution) {
        ensureOpen.run();
        operations.proposeSolution(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(solution, "solution"));
    }

    /**
     * The customer asks for changes to the proposed solution; support revises it.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @param changes what should change, stored verbatim
     * @throws WrongStageException unless a solution awaits the customer's decision
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     * @throws IllegalArgumentException if {@code changes} is blank
     */
    public void askChanges(String id, String user, String changes) {
        ensureOpen.run();
        operations.askChanges(Arguments.text(id, "id"), Arguments.text(user, "user"), Arguments.text(changes, "changes"));
    }

    /**
     * Support proposes a revised solution after the customer asked for changes.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @param revised the revised solution
     * @throws WrongStageException unless changes were asked for
     * @throws NotAllowedException if the user is unknown or not of the case's group
     * @throws AlreadyClaimedException if another user has the task
     */
    public void reviseSolution(String id, String user, Solution revised) {
        ensureOpen.run();
        operations.reviseSolution(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(revised, "revised"));
    }

    /**
     * The customer agrees to the proposed solution; support writes the specification next.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @throws WrongStageException unless a solution awaits the customer's decision
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void agreeSolution(String id, String user) {
        ensureOpen.run();
        operations.agreeSolution(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * Support submits the specification (D9-D11), or a new version of it while the customer reviews it.
     * Its risk buffer must be the contract's; scenarios may still be missing, but it cannot be approved
     * without them.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @param spec the specification, with the contract's risk buffer
     * @throws WrongStageException unless the solution is agreed and the specification not yet approved
     * @throws InvalidSpecificationException if the risk buffer is not the contract's
     * @throws NotAllowedException if the user is unknown or not of the case's group
     */
    public void submitSpecification(String id, String user, Specification spec) {
        ensureOpen.run();
        operations.submitSpecification(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(spec, "spec"));
    }

    /**
     * For work whose kind needs no written specification (the policy file's {@code specificationRequired}
     * or {@link SlaEngine.Builder#specificationRequired}; by default every kind but development), support lets the agreed solution stand as the specification
     * ({@link Specification#ofSolution}): its expected result is the one acceptance scenario. The customer
     * still approves it, and with it the estimate.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @param estimate the estimate in hours, before the contract's risk buffer; positive
     * @throws WrongStageException for work that needs a written specification, or unless the solution
     *     is agreed
     * @throws InvalidSpecificationException if the estimate is not positive or has more than 2 decimals
     */
    public void skipSpecification(String id, String user, BigDecimal estimate) {
        ensureOpen.run();
        operations.skipSpecification(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(estimate, "estimate"));
    }

    /**
     * The customer approves the submitted specification. Next: the overdraw approval when its total
     * exceeds the prepaid hours, else the payment before work when the terms have one, else the work.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @throws InvalidSpecificationException if the specification has no acceptance scenarios
     * @throws WrongStageException unless a specification awaits approval
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void approveSpecification(String id, String user) {
        ensureOpen.run();
        operations.approveSpecification(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * The customer refuses to write down acceptance scenarios: the work stops, with that reason in the
     * status (D10), and an intake request's resolution countdown stays paused.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @throws WrongStageException unless the specification is being written or reviewed
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void refuseScenarios(String id, String user) {
        ensureOpen.run();
        operations.refuseScenarios(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * The customer approves a specification beyond the prepaid hours (D5); the hours beyond the
     * balance are billed per the payment terms.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @throws WrongStageException unless an overdraw awaits approval
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void approveOverdraw(String id, String user) {
        ensureOpen.run();
        operations.decideOverdraw(Arguments.text(id, "id"), Arguments.text(user, "user"), true);
    }

    /**
     * The customer declines the overdraw; support cuts the specification down and submits it again.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @throws WrongStageException unless an overdraw awaits approval
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void declineOverdraw(String id, String user) {
        ensureOpen.run();
        operations.decideOverdraw(Arguments.text(id, "id"), Arguments.text(user, "user"), false);
    }

    /**
     * Records the payment due at {@code point} (D11): the one before work lets the work start, the one
     * after acceptance lets the case go on to its warranty (or close, if the warranty has ended).
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param point the payment point paid
     * @throws AlreadyDoneException if that payment was recorded before
     * @throws WrongStageException if nothing falls due at {@code point}, or not yet
     */
    public void recordPayment(String id, PaymentPoint point) {
        ensureOpen.run();
        operations.recordPayment(Arguments.text(id, "id"), Objects.requireNonNull(point, "point"));
    }

    /**
     * Support records that the documentation the specification asks for was delivered.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @throws AlreadyDoneException if it was recorded before
     * @throws WrongStageException unless the work is in progress
     * @throws NotAllowedException if the user is unknown or not of the case's group
     */
    public void deliverDocumentation(String id, String user) {
        ensureOpen.run();
        operations.deliverDocumentation(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * Support completes the work (or a rework round) and demonstrates it; a rework round's countdown is
     * met. The customer records the results next.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the support member who acts
     * @throws WrongStageException unless the work is in progress, or if documentation is required and
     *     not delivered
     * @throws NotAllowedException if the user is unknown or not of the case's group
     * @throws AlreadyClaimedException if another user has the task
     */
    public void completeWork(String id, String user) {
        ensureOpen.run();
        operations.completeWork(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * The customer records one result per scenario of the specification. All passed: the work is
     * accepted (its warranty starts, prepaid hours are drawn down, an intake request is resolved). Any
     * failed: a rework round starts with the failed scenarios named, under the policy's rework target.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @param results one result per scenario of the specification, in any order
     * @throws InvalidResultsException listing results for unknown or repeated scenarios, scenarios
     *     without a result, and failures without a finding
     * @throws AlreadyDoneException if the work was accepted already
     * @throws WrongStageException unless the work is being demonstrated
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     */
    public void recordResults(String id, String user, List<ScenarioResult> results) {
        ensureOpen.run();
        operations.recordResults(Arguments.text(id, "id"), Arguments.text(user, "user"),
                List.copyOf(Objects.requireNonNull(results, "results")));
    }

    /**
     * The customer claims that accepted work fails within its warranty (D9): the work reopens as rework
     * at no charge, in a round whose countdown is the resolution target of the emergency SLA for a
     * critical claim, or of the critical SLA for any other.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @param user the customer's user: the request's requester or a key user of the contract
     * @param severity how much of the software is down: CRITICAL for the emergency SLA
     * @param description what is wrong, stored verbatim
     * @throws WarrantyExpiredException if the warranty has ended, naming when
     * @throws WrongStageException before acceptance, or while another claim is reworked
     * @throws NotAllowedException unless {@code user} is the requester or a key user
     * @throws IllegalArgumentException if {@code description} is blank
     */
    public void claimWarranty(String id, String user, Severity severity, String description) {
        ensureOpen.run();
        operations.claimWarranty(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(severity, "severity"), Arguments.text(description, "description"));
    }

    /**
     * Returns where a case stands now, closed and stopped ones included.
     *
     * @param id the request's id, or the id {@link #start} returned
     * @return the case's status
     * @throws UnknownRequestException if no request or case has this id
     * @throws WrongStageException if the request never entered the acceptance workflow
     */
    public AcceptanceStatus status(String id) {
        ensureOpen.run();
        return queries.status(Arguments.text(id, "id"), null);
    }

    /**
     * Returns where a case of {@code customer} stands now, for the customer's own view (D4).
     *
     * @param customer the customer (tenant) asking
     * @param id the request's id, or the id {@link #start} returned
     * @return the case's status
     * @throws UnknownRequestException if this customer has no case with this id (another customer's is
     *     reported the same way)
     * @deprecated use {@code SlaEngine.forCustomer(customer).acceptance(id)}, which cannot take the two ids
     *     in the wrong order
     */
    @Deprecated
    public AcceptanceStatus status(String customer, String id) {
        ensureOpen.run();
        return queries.status(Arguments.text(id, "id"), Arguments.text(customer, "customer"));
    }

    /**
     * Returns the contract the engine holds for {@code customer}.
     *
     * @param customer the customer (tenant) id
     * @return the contract, or empty when the engine has none for that customer
     */
    public Optional<ServiceContract> contract(String customer) {
        ensureOpen.run();
        return contracts.of(Arguments.text(customer, "customer"));
    }

    /**
     * Adds or replaces the contract of its customer. Cases keep the contract they were opened with,
     * but the prepaid hours are the customer's, not a case's: the current contract's prepaid hours
     * open the customer's prepaid account (at the first approval or top-up, also of a case opened
     * under an older contract), as {@link #prepaidAccount} shows them until then. Once it is open the
     * database holds the balance, and a changed figure here does not reach it: add hours with
     * {@link #addPrepaidHours}. On an engine whose configuration is a policy file, the contract is stored
     * as the next configuration version ({@link SlaEngine#reconfigure} with the in-force file and this
     * contract, in force now, {@link RunningClocks#KEEP}), which every node sees; with a policy in code
     * it changes this node only, and every node must be given the same contracts.
     *
     * @param contract the customer's new contract
     * @throws io.slaflow.core.policy.InvalidPolicyException if the file in force has no policy the contract names
     * @deprecated use {@link SlaEngine#reconfigure} with a file holding the contract
     */
    @Deprecated
    public void changeContract(ServiceContract contract) {
        ensureOpen.run();
        changeContract.accept(Objects.requireNonNull(contract, "contract"));
    }

    /**
     * Returns {@code customer}'s prepaid hours (D5) as the database holds them: the balance, the
     * hours approved work holds (reserved; the rest is free, {@link PrepaidAccount#available()}),
     * and the statement of every change. An account not opened yet shows the opening hours of the
     * customer's contract and an empty statement.
     *
     * @param customer the customer (tenant) id
     * @return the account, or empty when the customer has neither an account nor prepaid hours in its
     *     contract
     * @throws DatabaseException if a line of the statement is of a kind this version does not know
     */
    public Optional<PrepaidAccount> prepaidAccount(String customer) {
        ensureOpen.run();
        return operations.prepaidAccount(Arguments.text(customer, "customer"));
    }

    /**
     * Adds hours the customer bought to its prepaid balance (D5), in one transaction with a line in
     * its statement; opens the account first (with the contract's prepaid hours, or none) if needed.
     * Approvals from then on may use the hours.
     *
     * @param customer the customer (tenant) id
     * @param hours the hours bought: positive, at most 2 decimals and 9 digits before the point
     * @param note what the hours are, e.g. the invoice; stored verbatim
     * @return the account after the top-up
     * @throws IllegalArgumentException if {@code hours} is not positive or too precise or large, or
     *     {@code note} is blank or longer than 10,000 characters
     * @throws NoContractException if the engine has no contract for the customer
     * @throws DatabaseException if the account was changed outside slaflow so that it breaks its rules
     */
    public PrepaidAccount addPrepaidHours(String customer, BigDecimal hours, String note) {
        ensureOpen.run();
        return operations.addPrepaidHours(Arguments.text(customer, "customer"), Arguments.hours(hours, "hours"),
                Arguments.note(note, "note"));
    }
}
