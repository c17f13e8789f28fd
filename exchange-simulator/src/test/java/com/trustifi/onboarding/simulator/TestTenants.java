package com.trustifi.onboarding.simulator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Fresh tenants with unique GUIDs and domains, so tests sharing one simulator never collide. */
final class TestTenants {

    private TestTenants() {
    }

    static TenantSpec withCustomDomain(String displayName) {
        String id = UUID.randomUUID().toString();
        String label = "t" + id.substring(0, 8);
        return new TenantSpec(id, label + ".onmicrosoft.com", displayName,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"),
                List.of(new DomainSpec(label + ".example", true, true, List.of("Email"), "Authoritative")));
    }
}
