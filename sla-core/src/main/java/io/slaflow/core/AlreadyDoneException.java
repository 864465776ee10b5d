package io.slaflow.core;

/**
 * Thrown when an operation that happens once is asked for a second time, for example a payment
 * recorded twice or work accepted twice. Nothing has changed when it is thrown; a caller that
 * receives a duplicate delivery (a payment notice sent twice) may treat it as already done.
 */
public class AlreadyDoneException extends WrongStageException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation refused, e.g. {@code "recordPayment"}
     * @param stage the stage the subject is in
     * @param detail what was already done and when, e.g. {@code "payment BEFORE_WORK was recorded at ..."}
     */
    public AlreadyDoneException(String operation, String stage, String detail) {
        super(operation, stage, detail);
    }
}
