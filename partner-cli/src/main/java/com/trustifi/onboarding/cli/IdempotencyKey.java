package com.trustifi.onboarding.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key of a submission, derived from what is submitted: running the same command
 * on the same input again (after a lost answer, a Ctrl-C, a CI retry) gets the first batch back
 * from the API instead of a second one. The API keeps keys for 24 hours.
 */
final class IdempotencyKey {

    private IdempotencyKey() {
    }

    /** {@code partner-cli-<what>-<SHA-256 of the parts>}: visible ASCII, well under the API's 255 characters. */
    static String of(String what, String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                // a separator, so that ("ab", "c") and ("a", "bc") differ
                digest.update((byte) 0);
            }
            return "partner-cli-" + what + "-" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
