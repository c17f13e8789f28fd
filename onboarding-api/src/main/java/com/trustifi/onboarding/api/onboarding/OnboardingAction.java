package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.model.CommandKind;
import java.util.Optional;

/** What a partner can do with an onboarding after it was created. */
public enum OnboardingAction {
    VERIFY(CommandKind.VERIFY),
    PLAN(CommandKind.PLAN),
    OFFBOARD(CommandKind.OFFBOARD),
    ROTATE_SECRET(CommandKind.ROTATE_SECRET),
    /** Runs a FAILED onboarding's command again. */
    RETRY(null),
    /** Stops following an onboarding in progress. */
    CANCEL(null);

    private final CommandKind kind;

    OnboardingAction(CommandKind kind) {
        this.kind = kind;
    }

    /** The command this action issues by itself; RETRY repeats its onboarding's and CANCEL issues none. */
    Optional<CommandKind> kind() {
        return Optional.ofNullable(kind);
    }
}
