package com.trustifi.onboarding.simulator;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A deterministic population of tenants as varied as real customers: organizations created before and after
 * 2023-01-01, one to three custom domains (some InternalRelay), some dehydrated, some with existing transport rules
 * (among them a vendor's "Trustifi Inbound Relay" at priority 0), some with other companies' connectors (another
 * vendor's outbound Partner connector scoped by RecipientDomains, a partner company's inbound Partner connector, a
 * signature service's rule-scoped connector with the rule that routes to it) and non-ASCII display names. None of
 * these objects is the worker's: it must leave them as they are.
 * Tenant {@code n} is the same for a given seed whatever the count, so a larger population extends a smaller one.
 */
public final class TenantPopulation {

    /** The vendor's own inbound rule that seed step 46 asks to keep below the outbound rule. */
    public static final String VENDOR_INBOUND_RULE = "Trustifi Inbound Relay";
    /** Another mail-security vendor's connector, scoped to one partner's domain. */
    public static final String FOREIGN_OUTBOUND_CONNECTOR = "Fabrikam Secure Mail to Partner Bank";
    /** A partner company's servers, which must present their certificate over TLS. */
    public static final String FOREIGN_INBOUND_CONNECTOR = "Partner: Wingtip Toys";
    /** An email signature service: a rule-scoped connector and the rule that routes internal mail to it. */
    public static final String SIGNATURE_CONNECTOR = "Contoso Signature Service";
    public static final String SIGNATURE_RULE = "Route mail to Contoso Signature Service";

    private static final List<String> NAMES = List.of("Contoso Ltd", "Müller & Söhne GmbH", "Société Générale d'Essai",
            "Ōsaka Trading 株式会社", "Fabrikam, Inc.", "Łódź Logistyka Sp. z o.o.", "Αθήνα Shipping", "Ærø Fiskeri ApS",
            "Northwind Traders", "Nuñez y Asociados");
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(2014, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(2025, 6, 30, 0, 0, 0, 0, ZoneOffset.UTC);

    private TenantPopulation() {
    }

    /** Tenants 1..count with initial domains {@code popN.onmicrosoft.com} and custom domains {@code popN-k.example}. */
    public static List<TenantSpec> generate(int count, long seed) {
        List<TenantSpec> specs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            specs.add(spec(n, new SplittableRandom(seed * 1_000_003L + n)));
        }
        return specs;
    }

    private static TenantSpec spec(int n, SplittableRandom random) {
        String tenantId = UUID.nameUUIDFromBytes(("exchange-simulator-population-" + n).getBytes(StandardCharsets.UTF_8)).toString();
        String displayName = NAMES.get(random.nextInt(NAMES.size())) + " " + n;
        long span = LATEST.toEpochSecond() - EARLIEST.toEpochSecond();
        OffsetDateTime created = EARLIEST.plusSeconds(random.nextLong(span)).withNano(0);
        int customDomains = 1 + random.nextInt(3);
        List<DomainSpec> domains = new ArrayList<>();
        for (int k = 1; k <= customDomains; k++) {
            // About one domain in six has a mail server Office 365 does not know, the seed's InternalRelay case.
            String type = random.nextInt(6) == 0 ? "InternalRelay" : "Authoritative";
            domains.add(new DomainSpec("pop" + n + "-" + k + ".example", true, k == 1, List.of("Email"), type));
        }
        boolean dehydrated = random.nextInt(5) == 0;
        List<CmdletInvocation> configuration = new ArrayList<>(!dehydrated && random.nextInt(3) == 0 ? existingRules(random) : List.of());
        // drawn after everything above, so the tenants of earlier populations keep their domains, dates and rules
        if (!dehydrated && random.nextInt(4) == 0) {
            configuration.addAll(0, foreignConnectors(random));
        }
        return new TenantSpec(tenantId, "pop" + n + ".onmicrosoft.com", displayName, created, domains, dehydrated, configuration);
    }

    private static List<CmdletInvocation> existingRules(SplittableRandom random) {
        List<CmdletInvocation> rules = new ArrayList<>();
        if (random.nextBoolean()) {
            rules.add(rule("Disclaimer für Außendienst", Map.of("FromScope", "InOrganization", "SentToScope", "NotInOrganization",
                    "ApplyHtmlDisclaimerText", "<p>Diese E-Mail ist vertraulich.</p>", "ApplyHtmlDisclaimerLocation", "Append",
                    "ApplyHtmlDisclaimerFallbackAction", "Wrap", "SetHeaderName", "X-Disclaimer", "SetHeaderValue", "applied")));
        }
        if (random.nextBoolean()) {
            rules.add(rule("Tag external mail", Map.of("FromScope", "NotInOrganization", "SentToScope", "InOrganization",
                    "PrependSubject", "[EXTERNAL] ", "ExceptIfSenderDomainIs", List.of("wingtiptoys.example"),
                    "SetHeaderName", "X-External", "SetHeaderValue", "true", "Mode", "Audit")));
            rules.add(rule("Copy invoices to the archive", Map.of("SentToScope", "InOrganization",
                    "SubjectContainsWords", List.of("Rechnung", "Invoice", "Facture"), "BlindCopyTo", List.of("archive@contoso.example"),
                    "ExceptIfRecipientDomainIs", List.of("archive.contoso.example"))));
        }
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("FromScope", "NotInOrganization");
        vendor.put("SetHeaderName", "X-Trustifi-Inbound");
        vendor.put("SetHeaderValue", "relay");
        vendor.put("Priority", 0);
        rules.add(rule(VENDOR_INBOUND_RULE, vendor));
        return rules;
    }

    /** Partner connectors of other companies, and a signature service whose rule routes to its connector. */
    private static List<CmdletInvocation> foreignConnectors(SplittableRandom random) {
        List<CmdletInvocation> steps = new ArrayList<>();
        steps.add(new CmdletInvocation("New-OutboundConnector", Map.of("Name", FOREIGN_OUTBOUND_CONNECTOR, "ConnectorType", "Partner",
                "RecipientDomains", List.of("partnerbank.example", "partnerbank-secure.example"), "UseMXRecord", false,
                "SmartHosts", List.of("relay.fabrikam-securemail.example"), "TlsSettings", "DomainValidation",
                "TlsDomain", "*.fabrikam-securemail.example", "IsTransportRuleScoped", false, "Comment", "Managed by Fabrikam")));
        steps.add(new CmdletInvocation("New-InboundConnector", Map.of("Name", FOREIGN_INBOUND_CONNECTOR, "ConnectorType", "Partner",
                "SenderDomains", List.of("wingtiptoys.example"), "RequireTls", true, "RestrictDomainsToCertificate", true,
                "TlsSenderCertificateName", "mail.wingtiptoys.example")));
        steps.add(rule("Trust Wingtip Toys", Map.of("SenderDomainIs", List.of("wingtiptoys.example"), "SetSCL", -1,
                "Comments", "Partner mail is scanned by their gateway")));
        if (random.nextBoolean()) {
            steps.add(new CmdletInvocation("New-OutboundConnector", Map.of("Name", SIGNATURE_CONNECTOR, "ConnectorType", "OnPremises",
                    "IsTransportRuleScoped", true, "UseMXRecord", false, "SmartHosts", List.of("smtp.contoso-signatures.example"),
                    "TlsSettings", "DomainValidation", "TlsDomain", "smtp.contoso-signatures.example", "CloudServicesMailEnabled", true)));
            steps.add(rule(SIGNATURE_RULE, Map.of("FromScope", "InOrganization", "ExceptIfHeaderContainsMessageHeader", "X-Signed",
                    "ExceptIfHeaderContainsWords", List.of("true"), "RouteMessageOutboundConnector", SIGNATURE_CONNECTOR)));
        }
        return steps;
    }

    private static CmdletInvocation rule(String name, Map<String, Object> settings) {
        Map<String, Object> parameters = new LinkedHashMap<>(settings);
        parameters.put("Name", name);
        return new CmdletInvocation("New-TransportRule", parameters);
    }
}
