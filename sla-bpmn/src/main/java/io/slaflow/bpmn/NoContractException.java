package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/**
 * Thrown when acceptance work is asked for a customer the engine has no contract for: payment terms,
 * prepaid hours, warranty and risk buffer come from it. Nothing has changed when it is thrown.
 */
public class NoContractException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String customer;

    /**
     * Creates the exception.
     *
     * @param customer the customer without a contract
     */
    public NoContractException(String customer) {
        super("No contract for customer '" + customer + "': give the engine one with SlaEngine.builder().contract(..),"
                + " the contracts: list of the policy file (policyFile(..)), or acceptance().changeContract(..)");
        this.customer = customer;
    }

    /** Returns the customer without a contract. */
    public String customer() {
        return customer;
    }
}
