package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.dns.DnsLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.NamingException;

/**
 * Profile ALL_TENANTS (advisory): the relay sends for a domain once the partner has published the vendor's
 * domain-verification records in it. The tenant's DNS is not ours to change: the step reports every record and whether
 * DNS has it, so the partner can publish what is missing, and never fails the onboarding.
 */
@ApplicationScoped
public class DomainVerificationStep implements PlanStep {

    /** The detail names this many missing records; the event's record list has them all. */
    private static final int LISTED_IN_DETAIL = 12;

    private final DnsLookup dns;

    DomainVerificationStep(DnsLookup dns) {
        this.dns = dns;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_DOMAIN_VERIFICATION;
    }

    @Override
    public StepResult run(StepContext context) {
        if (!context.profile().domainVerification()) {
            return StepResult.of(StepOutcome.SKIPPED, "Profile " + context.profile().name()
                    + " needs no domain-verification records");
        }
        List<DnsRecord> records = context.command().relay().domainRecords();
        if (records.isEmpty()) {
            return new StepResult(StepOutcome.WARNING, "The onboarding names no relay account, so no domain-verification "
                    + "records are known to check", "Onboard the tenant with a relay account", false);
        }
        List<DnsRecordCheck> checks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DnsRecord record : records) {
            try {
                boolean published = published(record);
                checks.add(new DnsRecordCheck(record, published));
                if (!published) {
                    missing.add(record.type() + " " + record.name() + " \"" + record.value() + "\"");
                }
            } catch (NamingException e) {
                checks.add(new DnsRecordCheck(record, false));
                missing.add(record.type() + " " + record.name() + " (DNS could not be asked: " + e.getClass().getSimpleName() + ")");
            }
        }
        if (missing.isEmpty()) {
            return StepResult.of(StepOutcome.PASSED, "All " + records.size() + " domain-verification records are published")
                    .withDnsRecords(checks);
        }
        String listed = String.join("; ", missing.subList(0, Math.min(missing.size(), LISTED_IN_DETAIL)))
                + (missing.size() > LISTED_IN_DETAIL ? "; and " + (missing.size() - LISTED_IN_DETAIL) + " more" : "");
        return new StepResult(StepOutcome.WARNING, missing.size() + " of " + records.size()
                + " domain-verification records are not published: " + listed,
                "Publish these records at the relay domains' DNS host; the relay sends for a domain once it is verified",
                false).withDnsRecords(checks);
    }

    private boolean published(DnsRecord record) throws NamingException {
        boolean text = record.type().equalsIgnoreCase("TXT");
        String wanted = normalized(record.value(), text);
        return dns.values(record.name(), record.type()).stream().map(value -> normalized(value, text))
                .anyMatch(wanted::equals);
    }

    /** Host names compare without case and without the root's trailing dot (MX as "preference host"); TXT exactly. */
    private static String normalized(String value, boolean text) {
        String trimmed = value.trim();
        return text ? trimmed : trimmed.replaceAll("\\.$", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
