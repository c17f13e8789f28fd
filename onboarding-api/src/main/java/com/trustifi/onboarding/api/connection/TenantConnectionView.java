package com.trustifi.onboarding.api.connection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant connected to the calling partner by its administrator's consent, and whether the app's access to it works. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantConnectionView(String tenantId, Instant connectedAt,
        @Schema(description = "CONNECTED, or CONSENT_WITHDRAWN when Entra refused the app in the tenant since (no onboarding until "
                + "its administrator connects it again; remediation says how)") String status,
        Instant consentWithdrawnAt, String remediation,
        @Schema(description = "The latest check of the app's access (made at each consent, or on request)") Check check) {

    /**
     * @param status      CHECKING, READY, or ACTION_NEEDED (detail and remediation say what the tenant's administrator must do)
     * @param onboardingId the check, to poll at /v1/onboardings/{id}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String status, UUID onboardingId, Instant checkedAt, String detail, String remediation) {

        static Check of(Onboarding check) {
            String status = !check.status.isTerminal() ? "CHECKING"
                    : check.status == OnboardingStatus.SUCCEEDED ? "READY" : "ACTION_NEEDED";
            return new Check(status, check.id, check.updatedAt, check.detail, check.remediation);
        }
    }

    static TenantConnectionView of(TenantConnection connection) {
        return of(connection, null);
    }

    static TenantConnectionView of(ConnectionStatus status) {
        return of(status.connection(), status.latestCheck().map(Check::of).orElse(null));
    }

    private static TenantConnectionView of(TenantConnection connection, Check check) {
        boolean withdrawn = connection.consentWithdrawnAt != null;
        return new TenantConnectionView(connection.tenantId, connection.connectedAt, withdrawn ? "CONSENT_WITHDRAWN" : "CONNECTED",
                connection.consentWithdrawnAt, withdrawn ? ConsentWithdrawnException.REMEDIATION : null, check);
    }
}
