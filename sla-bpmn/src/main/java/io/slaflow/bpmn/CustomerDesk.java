package io.slaflow.bpmn;

import io.slaflow.core.request.ServiceRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One customer's view of the desk ({@link SlaEngine#forCustomer}): every read and the customer's own
 * operations, scoped to that customer, so a customer portal (D4) or a view of one client's work cannot
 * reach another's requests, and no call can take a customer id and a request id in the wrong order. A
 * request of another customer is an unknown request here, so its existence is not disclosed.
 * Immutable and thread-safe; as cheap to create as to keep.
 *
 * <pre>{@code
 * CustomerDesk acme = desk.forCustomer("acme");
 * RequestStatus status = acme.status(id);
 * acme.customerReplied(id, "The file is attached");
 * }</pre>
 */
public final class CustomerDesk {

    private final SlaEngine engine;
    private final String customer;

    CustomerDesk(SlaEngine engine, String customer) {
        this.engine = engine;
        this.customer = customer;
    }

    /** Returns the customer (tenant) id this view is scoped to. */
    public String customer() {
        return customer;
    }

    /**
     * Files a request of this customer, as {@link SlaEngine#submit} does.
     *
     * @param request the request; its customer must be this view's
     * @return the request id (the earlier one if the customer filed a request with the same reference)
     * @throws IllegalArgumentException if the request is another customer's
     */
    public String submit(ServiceRequest request) {
        requireOwn(request);
        return engine.submit(request);
    }

    /**
     * Returns where a request of this customer stands now.
     *
     * @param id the request id
     * @return the status
     * @throws UnknownRequestException if this customer has no request with this id
     */
    @SuppressWarnings("deprecation")
    public RequestStatus status(String id) {
        return engine.status(customer, id);
    }

    /**
     * Returns the timeline of a request of this customer: its steps, its countdowns' transitions, and the
     * explanation of each countdown ({@link SlaEngine#timeline}).
     *
     * @param id the request id
     * @return the timeline
     * @throws UnknownRequestException if this customer has no request with this id
     */
    public RequestTimeline timeline(String id) {
        return engine.timeline(customer, id);
    }

    /**
     * Returns this customer's requests, open and ended, oldest first.
     *
     * @return the requests, possibly none
     */
    public List<RequestStatus> requests() {
        return engine.requestsOf(customer);
    }

    /**
     * Records this customer's reply to a request waiting on it, as {@link SlaEngine#customerReplied}.
     *
     * @param id the request id
     * @param reply the reply, stored verbatim
     * @throws UnknownRequestException if this customer has no request with this id
     * @throws io.slaflow.core.WrongStageException unless the request waits on the customer
     */
    @SuppressWarnings("deprecation")
    public void customerReplied(String id, String reply) {
        engine.customerReplied(customer, id, reply);
    }

    /**
     * Returns this customer's open work offered to {@code group}, the first {@link SlaEngine#PAGE} in work order.
     *
     * @param group the group
     * @return the requests, possibly none
     */
    @SuppressWarnings("deprecation")
    public List<RequestStatus> openWork(String group) {
        return engine.openWork(customer, group);
    }

    /**
     * Returns a page of this customer's open work offered to {@code group}, in work order.
     *
     * @param group the group
     * @param first how many to skip
     * @param max the most to return
     * @return the requests, possibly none
     */
    @SuppressWarnings("deprecation")
    public List<RequestStatus> openWork(String group, int first, int max) {
        return engine.openWork(customer, group, first, max);
    }

    /**
     * Returns {@code user}'s work list among this customer's requests, the first {@link SlaEngine#PAGE}.
     *
     * @param user the support member
     * @return the requests, possibly none
     */
    @SuppressWarnings("deprecation")
    public List<RequestStatus> workList(String user) {
        return engine.workList(customer, user);
    }

    /**
     * Returns a page of {@code user}'s work list among this customer's requests.
     *
     * @param user the support member
     * @param first how many to skip
     * @param max the most to return
     * @return the requests, possibly none
     */
    @SuppressWarnings("deprecation")
    public List<RequestStatus> workList(String user, int first, int max) {
        return engine.workList(customer, user, first, max);
    }

    /**
     * Returns this customer's requests with a running deadline within {@code horizon}, nearest first.
     *
     * @param horizon how far ahead to look, not negative
     * @return the requests, possibly none
     */
    @SuppressWarnings("deprecation")
    public List<RequestStatus> atRisk(Duration horizon) {
        return engine.atRisk(customer, horizon);
    }

    /**
     * Returns where an acceptance case of this customer stands now.
     *
     * @param id the request's id, or the id {@link AcceptanceWorkflow#start} returned
     * @return the case's status
     * @throws UnknownRequestException if this customer has no case with this id
     */
    @SuppressWarnings("deprecation")
    public AcceptanceStatus acceptance(String id) {
        return engine.acceptance().status(customer, id);
    }

    private void requireOwn(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        if (!request.customer().equals(customer)) {
            throw new IllegalArgumentException("the request is customer '" + request.customer()
                    + "''s, and this view is customer '" + customer + "''s");
        }
    }

    @Override
    public String toString() {
        return "CustomerDesk[" + customer + "]";
    }
}
