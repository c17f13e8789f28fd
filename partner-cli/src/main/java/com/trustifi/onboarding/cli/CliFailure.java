package com.trustifi.onboarding.cli;

/** Why a command stopped, with the exit code it ends with. Its message is shown as it is, so it never holds a secret. */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    private CliFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Something the user can fix in how the command was called, its files or its configuration. */
    static CliFailure usage(String message) {
        return new CliFailure(message, ExitCodes.USAGE);
    }

    /** The API could not be reached or failed on its side; running the command again later may work. */
    static CliFailure unavailable(String message) {
        return new CliFailure(message, ExitCodes.UNAVAILABLE);
    }

    int exitCode() {
        return exitCode;
    }
}
