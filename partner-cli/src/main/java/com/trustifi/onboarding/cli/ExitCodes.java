package com.trustifi.onboarding.cli;

/** What a script calling the CLI can tell from its exit code. */
final class ExitCodes {

    /** Every tenant SUCCEEDED (or, for status and connect, nothing failed). */
    static final int ALL_SUCCEEDED = 0;
    /** At least one tenant FAILED, was CANCELED or was refused; the results say which and why. */
    static final int SOME_FAILED = 1;
    /** Wrong arguments, an unreadable file, missing or refused configuration (URL, API key). */
    static final int USAGE = 2;
    /** The API could not be reached, or answered with a server error; nothing is known about the outcome yet. */
    static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
