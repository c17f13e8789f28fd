package com.trustifi.onboarding.api.connection;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner asks for a connect link, for one customer tenant or for whichever tenant the administrator signs in to. */
public record ConnectRequest(
        @Schema(description = "The customer's tenant id (GUID). Absent: the link works for the tenant the administrator signs in to")
        @Pattern(regexp = TENANT_GUID, message = "must be a tenant id (GUID)")
        String tenantId) {

    static final String TENANT_GUID = "^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$";
}
