package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceStage.CLOSED;
import static io.slaflow.core.acceptance.AcceptanceStage.DEMONSTRATION;
import static io.slaflow.core.acceptance.AcceptanceStage.OVERDRAW_APPROVAL;
import static io.slaflow.core.acceptance.AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE;
import static io.slaflow.core.acceptance.AcceptanceStage.PAYMENT_BEFORE_WORK;
import static io.slaflow.core.acceptance.AcceptanceStage.REWORK;
import static io.slaflow.core.acceptance.AcceptanceStage.SOLUTION_CHANGES_REQUESTED;
import static io.slaflow.core.acceptance.AcceptanceStage.SOLUTION_PROPOSED;
import static io.slaflow.core.acceptance.AcceptanceStage.SPECIFICATION;
import static io.slaflow.core.acceptance.AcceptanceStage.STOPPED;
import static io.slaflow.core.acceptance.AcceptanceStage.WARRANTY;
import static io.slaflow.core.acceptance.AcceptanceStage.WARRANTY_REWORK;
import static io.slaflow.core.acceptance.AcceptanceStage.WORK;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.Numbers;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One piece of work for a client on its way from a proposed solution to the end of its warranty
 * (D9, D10, D11, D5): the state machine a process step calls. Immutable and thread-safe: every
 * transition returns a new case, and a refused transition throws and changes nothing. Time is always
 * a parameter; a transition dated before the case's last change is refused.
 *
 * <p>Who may do what: the customer's decisions (agreeing the solution, approving the specification,
 * refusing scenarios, approving an overdraw, recording results, claiming warranty) are taken by the
 * request's requester or one of the contract's key users, else {@link NotAllowedException}. The
 * specialist's steps (revising the solution, submitting the specification, documentation, completing
 * the work) and recording payments carry no user here: the engine checks its own groups.
 *
 * <p>Payments: the specification's {@link Specification#total() total} is the price in hours. With a
 * prepaid balance on the contract, the balance pays for as much of it as it holds and is drawn down
 * by that much when the work is accepted; a total beyond the balance waits in
 * {@link AcceptanceStage#OVERDRAW_APPROVAL} for the customer, and once approved the hours beyond the
 * balance are billed. Billed hours are split into the instalments of the contract's
 * {@link io.slaflow.core.contract.PaymentTerms}: one due before work (work waits for it) and one due
 * after acceptance (the case waits for it before its warranty stage).
 *
 * <p>Warranty: accepted work is under {@link Warranty} from the acceptance instant until the same
 * wall-clock time one warranty period later in the contract's zone, half-open. It runs while the last
 * payment is awaited, and is not extended by warranty rework.
 *
 * <pre>{@code
 * AcceptanceCase c = AcceptanceCase.open(request, contract, Solution.of("Check the limit on posting", "..."), t0)
 *         .agreeSolution("olena", t1)
 *         .submitSpecification(spec, t2)
 *         .approveSpecification("olena", t3)        // -> PAYMENT_BEFORE_WORK or WORK
 *         .completeWork(t4)                         // -> DEMONSTRATION
 *         .recordResults("olena", List.of(ScenarioResult.passed("Receivables limit")), t5);
 * }</pre>
 */
public final class AcceptanceCase {

    private static final Set<AcceptanceStage> WORKING = EnumSet.of(WORK, REWORK, WARRANTY_REWORK);
    private static final Set<AcceptanceStage> ACCEPTED = EnumSet.of(PAYMENT_AFTER_ACCEPTANCE, WARRANTY, CLOSED);
    private static final Set<AcceptanceStage> UNDER_WARRANTY = EnumSet.of(PAYMENT_AFTER_ACCEPTANCE, WARRANTY);
    /** No prepaid hours, at the scale of every other figure of hours (2 decimals). */
    private static final BigDecimal NO_HOURS = new BigDecimal("0.00");
    /** The decimals of prepaid hours, as a contract's {@code prepaidHours} has them. */
    private static final int HOURS_DECIMALS = 2;

    private final ServiceRequest request;
    private final ServiceContract contract;
    private final AcceptanceStage stage;
    private final Instant since;
    private final Instant updatedAt;
    private final Solution solution;
    private final List<String> changeRequests;
    private final Specification specification;
    private final Instant specificationApprovedAt;
    /** Whether the specification's latest version waits for the customer's decision. */
    private final boolean specificationUnderReview;
    private final BigDecimal prepaidAvailable;
    private final StopReason stopReason;
    private final List<Payment> payments;
    private final Instant documentationDeliveredAt;
    private final List<AcceptanceRound> rounds;
    private final Warranty warranty;
    private final PrepaidDrawdown drawdown;
    private final List<WarrantyClaim> claims;
    private final boolean claimOpen;

    private AcceptanceCase(Draft d) {
        this.request = d.request;
        this.contract = d.contract;
        this.stage = d.stage;
        this.since = d.since;
        this.updatedAt = d.updatedAt;
        this.solution = d.solution;
        this.changeRequests = List.copyOf(d.changeRequests);
        this.specification = d.specification;
        this.specificationApprovedAt = d.specificationApprovedAt;
        this.specificationUnderReview = d.specificationUnderReview;
        this.prepaidAvailable = d.prepaidAvailable;
        this.stopReason = d.stopReason;
        this.payments = List.copyOf(d.payments);
        this.documentationDeliveredAt = d.documentationDeliveredAt;
        this.rounds = List.copyOf(d.rounds);
        this.warranty = d.warranty;
        this.drawdown = d.drawdown;
        this.claims = List.copyOf(d.claims);
        this.claimOpen = d.claimOpen;
    }

    /**
     * Opens a case with a specialist's proposed solution; the customer decides next.
     *
     * @param request the request the work answers
     * @param contract the contract of the request's customer
     * @param solution the proposed solution
     * @param at when it was proposed
     * @return a case in {@link AcceptanceStage#SOLUTION_PROPOSED}
     * @throws IllegalArgumentException if the contract belongs to another customer than the request
     */
    public static AcceptanceCase open(ServiceRequest request, ServiceContract contract, Solution solution,
            Instant at) {
        Draft d = new Draft();
        d.request = Objects.requireNonNull(request, "request");
        d.contract = Objects.requireNonNull(contract, "contract");
        d.solution = Objects.requireNonNull(solution, "solution");
        d.stage = SOLUTION_PROPOSED;
        d.since = Objects.requireNonNull(at, "at");
        d.updatedAt = at;
        if (!request.customer().equals(contract.customer())) {
            throw new IllegalArgumentException("the request belongs to customer '" + request.customer()
                    + "' but the contract to customer '" + contract.customer() + "'; pass that customer's contract");
        }
        return new AcceptanceCase(d);
    }

    // ---- the solution ------------------------------------------------------------------------

    /**
     * The customer asks for changes to the proposed solution.
     *
     * @param user the requester or a key user
     * @param changes what should change, verbatim; not blank
     * @param at when
     * @return the case in {@link AcceptanceStage#SOLUTION_CHANGES_REQUESTED}
     * @throws WrongStageException unless in {@link AcceptanceStage#SOLUTION_PROPOSED}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code changes} is blank or {@code at} is before the last change
     */
    public AcceptanceCase askChanges(String user, String changes, Instant at) {
        String op = "askChanges";
        requireStage(op, "changes are asked for a proposed solution", SOLUTION_PROPOSED);
        requireCustomerSide(op, user);
        requireText("changes", changes);
        return next(op, at, SOLUTION_CHANGES_REQUESTED, d -> d.changeRequests.add(changes));
    }

    /**
     * The specialist proposes a revised solution after the customer asked for changes.
     *
     * @param revised the revised solution
     * @param at when
     * @return the case in {@link AcceptanceStage#SOLUTION_PROPOSED}
     * @throws WrongStageException unless in {@link AcceptanceStage#SOLUTION_CHANGES_REQUESTED}
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase reviseSolution(Solution revised, Instant at) {
        String op = "reviseSolution";
        Objects.requireNonNull(revised, "revised");
        requireStage(op, "a solution is revised after the customer asked for changes", SOLUTION_CHANGES_REQUESTED);
        return next(op, at, SOLUTION_PROPOSED, d -> d.solution = revised);
    }

    /**
     * The customer agrees to the proposed solution; the specification is written next.
     *
     * @param user the requester or a key user
     * @param at when
     * @return the case in {@link AcceptanceStage#SPECIFICATION}
     * @throws WrongStageException unless in {@link AcceptanceStage#SOLUTION_PROPOSED}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase agreeSolution(String user, Instant at) {
        String op = "agreeSolution";
        requireStage(op, "only a proposed solution can be agreed to", SOLUTION_PROPOSED);
        requireCustomerSide(op, user);
        return next(op, at, SPECIFICATION, d -> { });
    }

    // ---- the specification -------------------------------------------------------------------

    /**
     * The specialist submits the specification, or a new version of it; the customer approves it next.
     *
     * @param spec the specification; its risk buffer must be the contract's
     * @param at when
     * @return the case, still in {@link AcceptanceStage#SPECIFICATION}, holding {@code spec}
     * @throws WrongStageException unless in {@link AcceptanceStage#SPECIFICATION}
     * @throws InvalidSpecificationException if the risk buffer differs from the contract's
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase submitSpecification(Specification spec, Instant at) {
        String op = "submitSpecification";
        Objects.requireNonNull(spec, "spec");
        requireStage(op, "the specification is written after the solution is agreed", SPECIFICATION);
        if (spec.riskBuffer().compareTo(contract.riskBuffer()) != 0) {
            throw new InvalidSpecificationException(List.of("riskBuffer: must be the contract's risk buffer "
                    + contract.riskBuffer() + " (was " + spec.riskBuffer() + ")"));
        }
        return next(op, at, SPECIFICATION, d -> {
            d.specification = spec;
            d.specificationUnderReview = true;
        });
    }

    /**
     * The customer approves the submitted specification, against the prepaid balance the contract
     * names: {@code approveSpecification(user, contract.prepaidHours().orElse(null), at)}. For a case
     * alone; where several cases of a customer draw on one balance, pass what is left of it with
     * {@link #approveSpecification(String, BigDecimal, Instant)}.
     *
     * @param user the requester or a key user
     * @param at when
     * @return the case in {@link AcceptanceStage#OVERDRAW_APPROVAL}, {@link AcceptanceStage#PAYMENT_BEFORE_WORK}
     *         or {@link AcceptanceStage#WORK}
     * @throws WrongStageException unless in {@link AcceptanceStage#SPECIFICATION} with a specification submitted
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws InvalidSpecificationException if the specification has no acceptance scenarios
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase approveSpecification(String user, Instant at) {
        return approveSpecification(user, contract.prepaidHours().orElse(null), at);
    }

    /**
     * The customer approves the submitted specification while {@code prepaidAvailable} hours of the
     * customer's prepaid balance are free (available) for it (D5): the balance less the hours other
     * approved, not yet accepted cases hold (reserve). The case holds (reserves) as much of the
     * specification's total as that covers, never more than is free (see {@link #prepaidReserved()}),
     * until it is accepted. What follows: the overdraw approval when the total exceeds
     * {@code prepaidAvailable}, else the payment due before work when the terms have one, else the work.
     *
     * @param user the requester or a key user
     * @param prepaidAvailable the prepaid hours free (available) for this case: not negative, at most
     *     2 decimals as a contract's {@code prepaidHours}; null when the customer has no prepaid balance
     * @param at when
     * @return the case in {@link AcceptanceStage#OVERDRAW_APPROVAL}, {@link AcceptanceStage#PAYMENT_BEFORE_WORK}
     *         or {@link AcceptanceStage#WORK}
     * @throws WrongStageException unless in {@link AcceptanceStage#SPECIFICATION} with a specification submitted
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws InvalidSpecificationException if the specification has no acceptance scenarios
     * @throws IllegalArgumentException if {@code prepaidAvailable} is negative or has more than 2
     *     decimals, or {@code at} is before the last change
     */
    public AcceptanceCase approveSpecification(String user, BigDecimal prepaidAvailable, Instant at) {
        String op = "approveSpecification";
        if (prepaidAvailable != null && prepaidAvailable.signum() < 0) {
            throw new IllegalArgumentException("prepaidAvailable: must not be negative (was " + prepaidAvailable + ")");
        }
        if (prepaidAvailable != null && prepaidAvailable.stripTrailingZeros().scale() > HOURS_DECIMALS) {
            throw new IllegalArgumentException("prepaidAvailable: must have at most " + HOURS_DECIMALS
                    + " decimals, as a contract's prepaidHours (was " + prepaidAvailable + "); round it down, so the"
                    + " case holds no more than is free");
        }
        requireStage(op, "a specification is approved while it is being written", SPECIFICATION);
        requireCustomerSide(op, user);
        if (!specificationUnderReview) {
            throw new WrongStageException(op, stage.name(), specification == null ? "no specification was submitted yet"
                    : "the overdraw was declined and support writes the specification again; approve its next version");
        }
        if (specification.scenarios().isEmpty()) {
            throw new InvalidSpecificationException(List.of("scenarios: a specification without acceptance "
                    + "scenarios cannot be approved; add at least one, or record the customer's refusal with "
                    + "refuseScenarios (was [])"));
        }
        Consumer<Draft> approve = d -> {
            d.specificationApprovedAt = at;
            d.specificationUnderReview = false;
            d.prepaidAvailable = prepaidAvailable;
        };
        if (prepaidAvailable != null && PaymentSchedule.billedHours(prepaidAvailable, specification).signum() > 0) {
            return next(op, at, OVERDRAW_APPROVAL, approve);
        }
        return startWork(op, at, prepaidAvailable, approve);
    }

    /**
     * The customer refuses to write down acceptance scenarios, which stops the work (D10).
     *
     * @param user the requester or a key user
     * @param at when
     * @return the case in {@link AcceptanceStage#STOPPED} with {@link StopReason#REFUSED_SCENARIOS}
     * @throws WrongStageException unless in {@link AcceptanceStage#SPECIFICATION}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase refuseScenarios(String user, Instant at) {
        String op = "refuseScenarios";
        requireStage(op, "scenarios are written with the specification", SPECIFICATION);
        requireCustomerSide(op, user);
        return next(op, at, STOPPED, d -> d.stopReason = StopReason.REFUSED_SCENARIOS);
    }

    /**
     * The customer approves a specification whose total exceeds the prepaid balance; the hours beyond
     * it are billed per the payment terms.
     *
     * @param user the requester or a key user
     * @param at when
     * @return the case in {@link AcceptanceStage#PAYMENT_BEFORE_WORK} or {@link AcceptanceStage#WORK}
     * @throws WrongStageException unless in {@link AcceptanceStage#OVERDRAW_APPROVAL}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase approveOverdraw(String user, Instant at) {
        String op = "approveOverdraw";
        requireStage(op, "an overdraw is approved after a specification beyond the prepaid hours",
                OVERDRAW_APPROVAL);
        requireCustomerSide(op, user);
        return startWork(op, at, prepaidAvailable, d -> { });
    }

    /**
     * The customer declines an overdraw of the prepaid balance; the specification goes back to be cut
     * down, and must be approved again.
     *
     * @param user the requester or a key user
     * @param at when
     * @return the case in {@link AcceptanceStage#SPECIFICATION}, its specification no longer approved
     * @throws WrongStageException unless in {@link AcceptanceStage#OVERDRAW_APPROVAL}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase declineOverdraw(String user, Instant at) {
        String op = "declineOverdraw";
        requireStage(op, "an overdraw is declined after a specification beyond the prepaid hours",
                OVERDRAW_APPROVAL);
        requireCustomerSide(op, user);
        return next(op, at, SPECIFICATION, d -> {
            d.specificationApprovedAt = null;
            d.specificationUnderReview = false;
            d.prepaidAvailable = null;
        });
    }

    private AcceptanceCase startWork(String op, Instant at, BigDecimal prepaid, Consumer<Draft> change) {
        List<Payment> due = PaymentSchedule.payments(contract, prepaid, specification);
        boolean prepay = due.stream().anyMatch(p -> p.point() == PaymentPoint.BEFORE_WORK);
        return next(op, at, prepay ? PAYMENT_BEFORE_WORK : WORK, change.andThen(d -> d.payments = new ArrayList<>(due)));
    }

    // ---- payments ----------------------------------------------------------------------------

    /**
     * Records the payment due at {@code point}. The payment before work lets the work start; the
     * payment after acceptance lets the case go on to its warranty (or close, if the warranty has
     * already ended).
     *
     * @param point the payment point paid
     * @param at when the payment was received
     * @return the case with the payment recorded
     * @throws AlreadyDoneException if that payment was recorded before
     * @throws WrongStageException if nothing falls due at {@code point} for this case, or not yet
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase recordPayment(PaymentPoint point, Instant at) {
        String op = "recordPayment";
        Objects.requireNonNull(point, "point");
        Payment payment = payments.stream().filter(p -> p.point() == point).findFirst()
                .orElseThrow(() -> new WrongStageException(op, stage.name(), noPaymentReason(point)));
        if (payment.isPaid()) {
            throw new AlreadyDoneException(op, stage.name(), "payment " + point + " was already recorded at "
                    + payment.paidAt().orElseThrow() + "; nothing changed");
        }
        if (point == PaymentPoint.AFTER_ACCEPTANCE && warranty == null) {
            throw new WrongStageException(op, stage.name(), "payment " + point + " falls due once the work is accepted");
        }
        Consumer<Draft> pay = d -> d.payments.replaceAll(p -> p.point() == point ? p.paid(at) : p);
        return switch (stage) {
            case PAYMENT_BEFORE_WORK -> next(op, at, WORK, pay);
            case PAYMENT_AFTER_ACCEPTANCE -> next(op, at, PAYMENT_AFTER_ACCEPTANCE, pay.andThen(d -> settle(d, at)));
            default -> next(op, at, stage, pay);
        };
    }

    private String noPaymentReason(PaymentPoint point) {
        if (specificationApprovedAt == null || stage == OVERDRAW_APPROVAL) {
            return "payments fall due once the specification (and any overdraw) is approved";
        }
        if (payments.isEmpty()) {
            return "nothing is billed: the prepaid hours pay for the whole work";
        }
        return "the payment terms " + contract.paymentTerms() + " have no payment " + point;
    }

    // ---- the work ----------------------------------------------------------------------------

    /**
     * Records that the work's documentation was delivered, the checklist item a specification may ask for.
     *
     * @param at when
     * @return the case, in the same stage, with the documentation recorded
     * @throws AlreadyDoneException if the documentation was recorded before
     * @throws WrongStageException unless the work is in progress ({@code WORK}, {@code REWORK}, {@code WARRANTY_REWORK})
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase deliverDocumentation(Instant at) {
        String op = "deliverDocumentation";
        requireStage(op, "documentation is delivered with the work", WORKING);
        if (documentationDeliveredAt != null) {
            throw new AlreadyDoneException(op, stage.name(), "the documentation was recorded at "
                    + documentationDeliveredAt + "; nothing changed");
        }
        return next(op, at, stage, d -> d.documentationDeliveredAt = at);
    }

    /**
     * The specialist finishes the work (or its rework) and demonstrates it; the customer records results next.
     *
     * @param at when
     * @return the case in {@link AcceptanceStage#DEMONSTRATION}
     * @throws WrongStageException unless the work is in progress, or if the specification requires
     *         documentation that was not recorded with {@link #deliverDocumentation}
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase completeWork(Instant at) {
        String op = "completeWork";
        requireStage(op, "only work in progress can be completed", WORKING);
        if (specification.documentationRequired() && documentationDeliveredAt == null) {
            throw new WrongStageException(op, stage.name(),
                    "the specification requires documentation; record it with deliverDocumentation first");
        }
        return next(op, at, DEMONSTRATION, d -> { });
    }

    // ---- acceptance --------------------------------------------------------------------------

    /**
     * The customer records one result per scenario of the specification. All passed: the work is
     * accepted (the first time: its warranty starts and the prepaid hours are drawn down). Any failed:
     * the work goes back for rework with the failed scenarios named in the new round.
     *
     * @param user the requester or a key user
     * @param results one result per scenario, in any order
     * @param at when
     * @return the accepted case ({@link AcceptanceStage#PAYMENT_AFTER_ACCEPTANCE}, {@link AcceptanceStage#WARRANTY}
     *         or {@link AcceptanceStage#CLOSED}) or the case in {@link AcceptanceStage#REWORK} /
     *         {@link AcceptanceStage#WARRANTY_REWORK}
     * @throws AlreadyDoneException if the work was already accepted and no warranty fix awaits results
     * @throws WrongStageException unless in {@link AcceptanceStage#DEMONSTRATION}
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws InvalidResultsException listing unknown or repeated scenarios, scenarios without a result,
     *         and failed results without a finding
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase recordResults(String user, List<ScenarioResult> results, Instant at) {
        String op = "recordResults";
        List<ScenarioResult> given = List.copyOf(results);
        if (ACCEPTED.contains(stage)) {
            throw new AlreadyDoneException(op, stage.name(), "the work was already accepted at "
                    + warranty.start() + "; nothing changed");
        }
        requireStage(op, "results are recorded at a demonstration, after the work is completed", DEMONSTRATION);
        requireCustomerSide(op, user);
        List<ScenarioResult> ordered = ResultCheck.inSpecificationOrder(specification, given);
        AcceptanceRound round = new AcceptanceRound(rounds.size() + 1, at, ordered, claimOpen);
        if (!round.passed()) {
            return next(op, at, claimOpen ? WARRANTY_REWORK : REWORK, d -> d.rounds.add(round));
        }
        return next(op, at, stage, d -> {
            d.rounds.add(round);
            if (d.warranty == null) {
                accept(d, at);
            }
            d.claimOpen = false;
            settle(d, at);
        });
    }

    private void accept(Draft d, Instant at) {
        d.warranty = new Warranty(at, contract.warrantyEnds(at), contract.zone());
        if (prepaidAvailable != null) {
            d.drawdown = new PrepaidDrawdown(PaymentSchedule.prepaidHours(prepaidAvailable, specification), at);
        }
    }

    /** Moves an accepted case on: to the last payment while it is due, else to warranty or, once it ended, closed. */
    private static void settle(Draft d, Instant at) {
        if (d.payments.stream().anyMatch(p -> !p.isPaid())) {
            d.stage = PAYMENT_AFTER_ACCEPTANCE;
        } else {
            d.stage = at.isBefore(d.warranty.end()) ? WARRANTY : CLOSED;
        }
    }

    // ---- warranty ----------------------------------------------------------------------------

    /**
     * The customer claims that accepted work fails within its warranty; the work reopens as rework at
     * no charge, under the SLA its severity calls for.
     *
     * @param user the requester or a key user
     * @param severity how much of the client's software is down
     * @param description what is wrong, verbatim; not blank
     * @param at when the claim was filed
     * @return the case in {@link AcceptanceStage#WARRANTY_REWORK} with the claim open
     * @throws WarrantyExpiredException if {@code at} is at or after the warranty's end, naming it
     * @throws WrongStageException before acceptance, or while another claim is being reworked
     * @throws NotAllowedException if {@code user} is not on the customer's side
     * @throws IllegalArgumentException if {@code description} is blank or {@code at} is before the last change
     */
    public AcceptanceCase claimWarranty(String user, Severity severity, String description, Instant at) {
        String op = "claimWarranty";
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        if (stage != CLOSED) {
            requireStage(op, claimOpen ? "a warranty claim is already being reworked"
                    : "there is no warranty before the work is accepted", UNDER_WARRANTY);
        }
        requireCustomerSide(op, user);
        requireText("description", description);
        if (stage == CLOSED || !warranty.covers(at)) {
            throw new WarrantyExpiredException(stage.name(), warranty, at);
        }
        WarrantyClaim claim = new WarrantyClaim(user, severity, description, at);
        return next(op, at, WARRANTY_REWORK, d -> {
            d.claims.add(claim);
            d.claimOpen = true;
        });
    }

    /**
     * Closes the warranty once it has ended: the host's timer calls this at {@link Warranty#end()}.
     * A case still awaiting its last payment closes when that is recorded; one in warranty rework
     * closes when the fix is accepted.
     *
     * @param at now, at or after the warranty's end
     * @return the case in {@link AcceptanceStage#CLOSED}
     * @throws WrongStageException unless in {@link AcceptanceStage#WARRANTY}, or if the warranty still runs at {@code at}
     * @throws IllegalArgumentException if {@code at} is before the last change
     */
    public AcceptanceCase closeWarranty(Instant at) {
        String op = "closeWarranty";
        Objects.requireNonNull(at, "at");
        requireStage(op, "only accepted, paid work without an open claim closes its warranty", WARRANTY);
        if (warranty.covers(at)) {
            throw new WrongStageException(op, stage.name(), "the warranty runs until " + warranty.end()
                    + " (" + warranty.endInZone() + " " + warranty.zone() + ")");
        }
        return next(op, at, CLOSED, d -> { });
    }

    // ---- queries -----------------------------------------------------------------------------

    /** Returns the request the work answers. */
    public ServiceRequest request() {
        return request;
    }

    /** Returns the contract the case was opened under. */
    public ServiceContract contract() {
        return contract;
    }

    /** Returns the current stage. */
    public AcceptanceStage stage() {
        return stage;
    }

    /** Returns when the current stage began, e.g. the start of a rework round for its SLA countdown. */
    public Instant since() {
        return since;
    }

    /** Returns when the case last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** Returns the current proposed (or agreed) solution. */
    public Solution solution() {
        return solution;
    }

    /** Returns the changes the customer asked for, verbatim, oldest first. */
    public List<String> changeRequests() {
        return changeRequests;
    }

    /** Returns the latest submitted specification, or empty before one is submitted. */
    public Optional<Specification> specification() {
        return Optional.ofNullable(specification);
    }

    /** Returns when the customer approved the specification, or empty while it is not approved. */
    public Optional<Instant> specificationApprovedAt() {
        return Optional.ofNullable(specificationApprovedAt);
    }

    /** Returns why the case stopped, or empty unless it is {@link AcceptanceStage#STOPPED}. */
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * Returns the hours by which the submitted specification's total exceeds the prepaid balance: the
     * hours free (available, see {@link #prepaidAvailable()}) for the case when it was approved, or
     * before that the balance the contract names.
     *
     * @return the hours beyond the balance, or empty without a specification, without a balance, or
     *         when the balance covers the total
     */
    public Optional<BigDecimal> overdraw() {
        if (specification == null) {
            return Optional.empty();
        }
        return prepaidBalance().map(b -> PaymentSchedule.billedHours(b, specification)).filter(h -> h.signum() > 0);
    }

    /**
     * Returns the prepaid hours that were free (available) for this case when its specification was
     * approved: the customer's balance less the hours other cases held (reserved) then.
     *
     * @return those hours, or empty before approval (or after a declined overdraw) or without a balance
     */
    public Optional<BigDecimal> prepaidAvailable() {
        return Optional.ofNullable(prepaidAvailable);
    }

    /**
     * Returns the prepaid hours this case holds (reserves): from the approval of its specification
     * until the work is accepted (then they are drawn, see {@link #drawdown()}) or an overdraw is
     * declined, the part of the specification's total the free (available) balance covered; zero
     * otherwise. A ledger shared by a customer's cases keeps these hours from the others.
     *
     * @return the hours held (reserved), 2 decimals; 0.00 when none
     */
    public BigDecimal prepaidReserved() {
        if (prepaidAvailable == null || drawdown != null || specificationApprovedAt == null) {
            return NO_HOURS;
        }
        return PaymentSchedule.prepaidHours(prepaidAvailable, specification);
    }

    private Optional<BigDecimal> prepaidBalance() {
        return specificationApprovedAt != null ? Optional.ofNullable(prepaidAvailable) : contract.prepaidHours();
    }

    /** Returns the payments of the billed hours, in workflow order; empty before approval or when nothing is billed. */
    public List<Payment> payments() {
        return payments;
    }

    /** Returns the payments that fall due now and are not recorded: the one before work, or the one after acceptance. */
    public List<Payment> paymentsDue() {
        return payments.stream().filter(p -> !p.isPaid())
                .filter(p -> p.point() == PaymentPoint.BEFORE_WORK || warranty != null).toList();
    }

    /** Returns when the documentation was delivered, or empty. */
    public Optional<Instant> documentationDeliveredAt() {
        return Optional.ofNullable(documentationDeliveredAt);
    }

    /** Returns every demonstration round, oldest first. */
    public List<AcceptanceRound> rounds() {
        return rounds;
    }

    /** Returns how many rounds failed and sent the work back, warranty rework rounds included. */
    public int reworkCount() {
        return (int) rounds.stream().filter(r -> !r.passed()).count();
    }

    /** Returns when the work was first accepted, or empty before. */
    public Optional<Instant> acceptedAt() {
        return warranty().map(Warranty::start);
    }

    /** Returns the warranty of the accepted work, or empty before acceptance. */
    public Optional<Warranty> warranty() {
        return Optional.ofNullable(warranty);
    }

    /** Returns the hours drawn from the prepaid balance at acceptance, or empty (before it, or without a balance). */
    public Optional<PrepaidDrawdown> drawdown() {
        return Optional.ofNullable(drawdown);
    }

    /** Returns every warranty claim, oldest first. */
    public List<WarrantyClaim> claims() {
        return claims;
    }

    /** Returns the warranty claim being reworked, or empty. */
    public Optional<WarrantyClaim> openClaim() {
        return claimOpen ? Optional.of(claims.get(claims.size() - 1)) : Optional.empty();
    }

    /**
     * Returns what the case waits for next, and so whose turn it is: the one answer the engine's process,
     * the request's SLA countdowns and the staff views follow.
     *
     * @return what the case waits for
     */
    public Awaiting awaiting() {
        return switch (stage) {
            case SOLUTION_PROPOSED -> Awaiting.SOLUTION_DECISION;
            case SOLUTION_CHANGES_REQUESTED -> Awaiting.SOLUTION_REVISION;
            case SPECIFICATION -> specificationUnderReview ? Awaiting.SPECIFICATION_DECISION : Awaiting.SPECIFICATION;
            case OVERDRAW_APPROVAL -> Awaiting.OVERDRAW_DECISION;
            case PAYMENT_BEFORE_WORK -> Awaiting.PAYMENT_BEFORE_WORK;
            case WORK, REWORK, WARRANTY_REWORK -> Awaiting.WORK;
            case DEMONSTRATION -> Awaiting.DEMONSTRATION;
            case PAYMENT_AFTER_ACCEPTANCE -> Awaiting.PAYMENT_AFTER_ACCEPTANCE;
            case WARRANTY -> Awaiting.WARRANTY_END;
            case CLOSED, STOPPED -> Awaiting.NOTHING;
        };
    }

    /**
     * Returns whether {@code user} takes the customer's decisions in this case: the request's
     * requester or one of the contract's key users.
     *
     * @param user a user id
     * @return true when the user may agree, approve, accept and claim
     */
    public boolean isCustomerSide(String user) {
        return request.requester().equals(user) || contract.keyUsers().contains(user);
    }

    // ---- guards and the copy ------------------------------------------------------------------

    private void requireStage(String op, String detail, AcceptanceStage allowed) {
        requireStage(op, detail, EnumSet.of(allowed));
    }

    private void requireStage(String op, String detail, Set<AcceptanceStage> allowed) {
        if (!allowed.contains(stage)) {
            String status = stage == STOPPED ? " (stopped: " + stopReason + ")" : "";
            throw new WrongStageException(op, stage.name() + status, detail + "; allowed in " + allowed);
        }
    }

    private void requireCustomerSide(String op, String user) {
        Objects.requireNonNull(user, "user");
        if (!isCustomerSide(user)) {
            throw new NotAllowedException(user, op, "only the requester '" + request.requester()
                    + "' or a key user of customer '" + contract.customer() + "' " + contract.keyUsers() + " may");
        }
    }

    private static void requireText(String name, String text) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank (was \"" + text + "\")");
        }
    }

    private AcceptanceCase next(String op, Instant at, AcceptanceStage to, Consumer<Draft> change) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(updatedAt)) {
            throw new IllegalArgumentException(op + " at " + at + " is before the case's last change at "
                    + updatedAt + "; pass the time the step happened");
        }
        Draft d = new Draft(this);
        d.stage = to;
        change.accept(d);
        d.updatedAt = at;
        d.since = d.stage == stage ? since : at;
        return new AcceptanceCase(d);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AcceptanceCase c && request.equals(c.request)
                && contract.equals(c.contract) && stage == c.stage && since.equals(c.since)
                && updatedAt.equals(c.updatedAt) && solution.equals(c.solution)
                && changeRequests.equals(c.changeRequests) && Objects.equals(specification, c.specification)
                && Objects.equals(specificationApprovedAt, c.specificationApprovedAt)
                && specificationUnderReview == c.specificationUnderReview
                && Numbers.sameValue(prepaidAvailable, c.prepaidAvailable) && stopReason == c.stopReason
                && payments.equals(c.payments) && Objects.equals(documentationDeliveredAt, c.documentationDeliveredAt)
                && rounds.equals(c.rounds) && Objects.equals(warranty, c.warranty)
                && Objects.equals(drawdown, c.drawdown) && claims.equals(c.claims) && claimOpen == c.claimOpen;
    }

    /** Hashes fields that {@link #equals} compares exactly (no hours, which it compares by value). */
    @Override
    public int hashCode() {
        return Objects.hash(request, stage, since, updatedAt, rounds.size(), claims.size());
    }

    @Override
    public String toString() {
        return "AcceptanceCase[customer=" + contract.customer() + ", subject=" + request.subject() + ", stage="
                + stage + ", since=" + since + ", rounds=" + rounds.size() + ", reworkCount=" + reworkCount() + "]";
    }

    /** A mutable copy of a case's fields, used only inside one transition. */
    private static final class Draft {
        ServiceRequest request;
        ServiceContract contract;
        AcceptanceStage stage;
        Instant since;
        Instant updatedAt;
        Solution solution;
        List<String> changeRequests = new ArrayList<>();
        Specification specification;
        Instant specificationApprovedAt;
        boolean specificationUnderReview;
        BigDecimal prepaidAvailable;
        StopReason stopReason;
        List<Payment> payments = new ArrayList<>();
        Instant documentationDeliveredAt;
        List<AcceptanceRound> rounds = new ArrayList<>();
        Warranty warranty;
        PrepaidDrawdown drawdown;
        List<WarrantyClaim> claims = new ArrayList<>();
        boolean claimOpen;

        Draft() {
        }

        Draft(AcceptanceCase c) {
            request = c.request;
            contract = c.contract;
            stage = c.stage;
            since = c.since;
            updatedAt = c.updatedAt;
            solution = c.solution;
            changeRequests = new ArrayList<>(c.changeRequests);
            specification = c.specification;
            specificationApprovedAt = c.specificationApprovedAt;
            specificationUnderReview = c.specificationUnderReview;
            prepaidAvailable = c.prepaidAvailable;
            stopReason = c.stopReason;
            payments = new ArrayList<>(c.payments);
            documentationDeliveredAt = c.documentationDeliveredAt;
            rounds = new ArrayList<>(c.rounds);
            warranty = c.warranty;
            drawdown = c.drawdown;
            claims = new ArrayList<>(c.claims);
            claimOpen = c.claimOpen;
        }
    }
}
