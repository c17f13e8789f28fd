package com.trustifi.onboarding.api.relayaccount;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seed steps 1-5: the customer's plan and access, its domains and MTA, and whether the relay is enabled. */
public record RelayAccountRequest(
        @NotBlank @Size(max = 200) String customerName,

        @Schema(description = "The customer's plan; the relay needs PRO (seed step 1)", examples = "PRO")
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z_]+", message = "must be a plan name such as PRO") String plan,

        @Schema(description = "The access level of the person setting up the relay; it must be ADMIN (seed step 1)",
                examples = "ADMIN")
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z_]+", message = "must be an access level such as ADMIN")
        String accessLevel,

        @Schema(description = "The customer's sending domains (seed step 4)")
        @NotEmpty @Size(max = 100) List<@NotBlank @DomainName String> domains,

        @Schema(description = "The customer's mail server (seed step 4)") @NotBlank @MtaHost String mtaHost,

        @Schema(description = "Seed step 4: 25 unless the MTA is known to use another port", defaultValue = "25")
        @Min(1) @Max(65535) Integer mtaPort,

        @Schema(description = "Seed step 5: enable the relay; its secret is generated then (step 6)", defaultValue = "true")
        Boolean enabled) {
}
