package com.trustifi.onboarding.api.batch;

/** A batch with more rows than allowed is refused whole (413), before anything is stored. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int rows, int maxRows) {
        super("The batch has " + rows + " rows; at most " + maxRows + " are allowed in one batch, so nothing was stored");
    }
}
