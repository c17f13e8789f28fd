package com.trustifi.onboarding.simulator;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Demo tenants for the standalone simulator and the local stack's demo. */
public final class DemoTenants {

    /** Non-ASCII on purpose: display names travel through Graph JSON, headers and databases downstream. */
    private static final List<String> NAMES = List.of(
            "Contoso Ltd", "Müller & Söhne GmbH", "Société Générale d'Essai", "Ōsaka Trading 株式会社", "Fabrikam, Inc.");

    private DemoTenants() {
    }

    /**
     * Tenants 1..count, each created before 2023-01-01 with one verified email domain
     * {@code tenantN.example}. Deterministic GUIDs, so a restarted simulator offers the same tenants.
     */
    public static List<TenantSpec> specs(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(DemoTenants::spec).toList();
    }

    private static TenantSpec spec(int n) {
        String tenantId = UUID.nameUUIDFromBytes(("exchange-simulator-demo-tenant-" + n).getBytes(StandardCharsets.UTF_8)).toString();
        OffsetDateTime created = OffsetDateTime.of(2018 + n % 5, 1 + n % 12, 1 + n % 28, 9, 30, 0, 0, ZoneOffset.UTC);
        return new TenantSpec(tenantId, "demotenant" + n + ".onmicrosoft.com", NAMES.get((n - 1) % NAMES.size()), created,
                List.of(DomainSpec.verifiedEmailDomain("tenant" + n + ".example", true)));
    }
}
