package io.slaflow.core.contract;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown by {@link ServiceContract.Builder#build()} when a contract breaks one or more rules; the
 * message and {@link #violations()} list every problem with its field and the actual value, e.g.
 * {@code riskBuffer: must be less than or equal to 1 (was 1.5)}.
 */
public final class InvalidContractException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidContractException(List<String> violations) {
        super("contract", violations);
    }
}
