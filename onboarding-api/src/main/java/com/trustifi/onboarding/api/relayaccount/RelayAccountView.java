package com.trustifi.onboarding.api.relayaccount;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.trustifi.onboarding.model.DnsRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relay account as its partner sees it; the secret appears only in the answer that created it. */
public record RelayAccountView(
        UUID id,
        String customerName,
        String plan,
        String accessLevel,
        List<String> domains,
        String mtaHost,
        int mtaPort,
        boolean enabled,
        @Schema(description = "Whether a relay secret was generated; the secret itself is never shown again")
        boolean hasRelaySecret,
        @Schema(description = "Seed step 6: the relay secret, only in the response that generated it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String relaySecret,
        @Schema(description = "For tenants onboarded with profile ALL_TENANTS: the records to publish in each domain's "
                + "DNS so the relay may send for it (identity TXT, DKIM CNAMEs, MAIL FROM MX and TXT). Their names and "
                + "shapes are inferred (Amazon SES's) and their values derived by this API: the vendor's portal's own "
                + "records, once it shows them, are the ones that verify a domain")
        List<DnsRecord> domainVerificationRecords,
        Instant createdAt) {

    static RelayAccountView of(RelayAccount account) {
        return of(account, null);
    }

    static RelayAccountView of(RelayAccount account, String relaySecret) {
        return new RelayAccountView(account.id, account.customerName, account.plan, account.accessLevel, account.domains,
                account.mtaHost, account.mtaPort, account.enabled, account.hasSecret(), relaySecret,
                account.domainVerificationRecords(account.domains), account.createdAt);
    }

    @Override
    public String toString() {
        return "RelayAccountView[id=" + id + "]";
    }
}
