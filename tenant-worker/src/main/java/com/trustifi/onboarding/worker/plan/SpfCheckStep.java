package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.dns.DnsLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.NamingException;

/**
 * Seed step 47 (advisory): each relay domain's SPF record should list the relay's addresses, so
 * relayed mail authenticates. The tenant's DNS is not ours to change: the step says exactly what
 * to publish, and never fails the onboarding.
 */
@ApplicationScoped
public class SpfCheckStep implements PlanStep {

    private final DnsLookup dns;

    SpfCheckStep(DnsLookup dns) {
        this.dns = dns;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_SPF;
    }

    @Override
    public StepResult run(StepContext context) {
        List<String> required = context.profile().spfIpAddresses().stream().map(ip -> "ip4:" + ip).toList();
        if (required.isEmpty()) {
            return StepResult.of(StepOutcome.SKIPPED, "Profile " + context.profile().name()
                    + " relies on the domain-verification records, not on SPF addresses");
        }
        List<String> advice = new ArrayList<>();
        for (String domain : context.relayDomains()) {
            try {
                Optional<String> record = dns.spfRecord(domain);
                if (record.isEmpty()) {
                    advice.add(domain + " has no SPF record; publish TXT \"v=spf1 " + String.join(" ", required)
                            + " include:spf.protection.outlook.com -all\"");
                    continue;
                }
                List<String> terms = Arrays.asList(record.get().toLowerCase(Locale.ROOT).split("\\s+"));
                List<String> missing = required.stream().filter(term -> !terms.contains(term)).toList();
                if (!missing.isEmpty()) {
                    advice.add(domain + " SPF lacks " + String.join(" ", missing) + "; publish TXT \""
                            + withTerms(record.get(), missing) + "\"");
                }
            } catch (NamingException e) {
                advice.add(domain + ": DNS could not be asked (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        if (advice.isEmpty()) {
            return StepResult.of(StepOutcome.PASSED, "SPF lists " + String.join(" ", required) + " for every relay domain");
        }
        return new StepResult(StepOutcome.WARNING, String.join("; ", advice),
                "Update the domains' SPF records at their DNS host as shown", false);
    }

    /** The same record with the missing terms added just after "v=spf1". */
    private static String withTerms(String record, List<String> missing) {
        return record.replaceFirst("(?i)^v=spf1", "v=spf1 " + String.join(" ", missing));
    }
}
