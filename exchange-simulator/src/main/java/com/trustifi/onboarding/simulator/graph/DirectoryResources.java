package com.trustifi.onboarding.simulator.graph;

import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's directory facts as Graph v1.0 {@code organization} and {@code domain} resources. */
final class DirectoryResources {

    private DirectoryResources() {
    }

    static Map<String, Object> organization(SimulatedTenant tenant) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", tenant.tenantId());
        organization.put("deletedDateTime", null);
        organization.put("displayName", tenant.displayName());
        organization.put("createdDateTime", DateTimeFormatter.ISO_INSTANT.format(tenant.createdDateTime().toInstant()));
        organization.put("tenantType", "AAD");
        organization.put("businessPhones", List.of());
        organization.put("verifiedDomains", tenant.domains().stream()
                .filter(DomainSpec::verified)
                .map(d -> verifiedDomain(tenant, d))
                .toList());
        return organization;
    }

    private static Map<String, Object> verifiedDomain(SimulatedTenant tenant, DomainSpec domain) {
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("capabilities", String.join(", ", domain.supportedServices()));
        verified.put("isDefault", domain.isDefault());
        verified.put("isInitial", domain.name().equals(tenant.initialDomain()));
        verified.put("name", domain.name());
        verified.put("type", "Managed");
        return verified;
    }

    static Map<String, Object> domain(SimulatedTenant tenant, DomainSpec domain) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", domain.name());
        resource.put("authenticationType", "Managed");
        resource.put("availabilityStatus", null);
        resource.put("isAdminManaged", true);
        resource.put("isDefault", domain.isDefault());
        resource.put("isInitial", domain.name().equals(tenant.initialDomain()));
        resource.put("isRoot", isRoot(tenant, domain));
        resource.put("isVerified", domain.verified());
        resource.put("passwordNotificationWindowInDays", 14);
        resource.put("passwordValidityPeriodInDays", 2147483647);
        resource.put("supportedServices", domain.supportedServices());
        resource.put("state", null);
        return resource;
    }

    /** A domain is a root unless it is a subdomain of another domain of the same tenant. */
    private static boolean isRoot(SimulatedTenant tenant, DomainSpec domain) {
        return tenant.domains().stream().noneMatch(other -> domain.name().endsWith("." + other.name()));
    }

    /** The DNS records Microsoft expects for a domain's email: its MX to Exchange Online Protection and its SPF. */
    static List<Map<String, Object>> serviceConfigurationRecords(DomainSpec domain) {
        if (!domain.supportedServices().contains("Email")) {
            return List.of();
        }
        Map<String, Object> mx = new LinkedHashMap<>();
        mx.put("@odata.type", "#microsoft.graph.domainDnsMxRecord");
        mx.put("id", "mx-" + domain.name());
        mx.put("isOptional", false);
        mx.put("label", domain.name());
        mx.put("recordType", "Mx");
        mx.put("supportedService", "Email");
        mx.put("ttl", 3600);
        mx.put("mailExchange", domain.name().replace('.', '-') + ".mail.protection.outlook.com");
        mx.put("preference", 0);
        Map<String, Object> spf = new LinkedHashMap<>();
        spf.put("@odata.type", "#microsoft.graph.domainDnsTxtRecord");
        spf.put("id", "spf-" + domain.name());
        spf.put("isOptional", false);
        spf.put("label", domain.name());
        spf.put("recordType", "Txt");
        spf.put("supportedService", "Email");
        spf.put("ttl", 3600);
        spf.put("text", "v=spf1 include:spf.protection.outlook.com -all");
        return List.of(mx, spf);
    }
}
