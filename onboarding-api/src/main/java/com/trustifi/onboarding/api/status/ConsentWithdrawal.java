package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import java.util.regex.Pattern;

/**
 * Whether a failed step reports that Entra refuses the app in the tenant because its consent is gone: AADSTS65001
 * (consent revoked), 7000229 or 700016 (the app's service principal is not in the tenant). The worker names Entra's
 * AADSTS number in the step's detail; the number is Entra's stable contract, its text is not.
 */
final class ConsentWithdrawal {

    private static final Pattern WITHDRAWN = Pattern.compile("\\(AADSTS(65001|7000229|700016)\\)");

    private ConsentWithdrawal() {
    }

    static boolean reportedBy(StatusEvent event) {
        return event.outcome() == StepOutcome.FAILED && event.detail() != null && WITHDRAWN.matcher(event.detail()).find();
    }
}
