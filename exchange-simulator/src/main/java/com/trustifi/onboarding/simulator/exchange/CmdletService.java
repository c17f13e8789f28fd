package com.trustifi.onboarding.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers one authenticated cmdlet request of one tenant the way Exchange Online would, including the faults the
 * tenant's profile asks for: missing role, throttling, front-end 503/504, latency, ambiguous writes and slow answers.
 * The request is recorded in the tenant's traffic before the answer leaves, so a test that has its answer sees it counted.
 */
final class CmdletService {

    private static final String UNPARSED = "(invalid request)";

    private final CmdletCatalog catalog;
    private final FaultPlan faults;
    private final RulePropagation propagation;

    CmdletService(CmdletCatalog catalog, FaultPlan faults, RulePropagation propagation) {
        this.catalog = catalog;
        this.faults = faults;
        this.propagation = propagation;
    }

    /** The cmdlet a request body names, for counters and logs even when the call never runs. */
    String cmdletName(JsonNode body) {
        JsonNode name = body == null ? null : body.path("CmdletInput").path("CmdletName");
        return name == null || !name.isTextual() || name.asText().isBlank() ? UNPARSED : catalog.canonicalName(name.asText().trim());
    }

    /**
     * @param body    the parsed request body, or null when it was not a JSON object
     * @param page    the slice of the output asked for
     * @param selfUrl this call's InvokeCommand URL without query, the base of {@code @odata.nextLink}
     */
    InvokeAnswer answer(SimulatedTenant tenant, JsonNode body, PageRequest page, String selfUrl, String metadataContext) {
        Instant arrivedAt = Instant.now();
        String cmdlet = cmdletName(body);
        FaultProfile profile = faults.effectiveFor(tenant.tenantId());
        String fault = null;
        InvokeAnswer answer;
        if (profile.noExchangeRole() || !tenant.exchangeRoleAssigned()) {
            answer = InvokeAnswer.missingRole();
        } else if (faults.roll(profile.throttleRate())) {
            fault = "throttled";
            answer = new InvokeAnswer(429, Map.of("Retry-After", String.valueOf(profile.retryAfterSeconds())),
                    ExchangeErrorBody.of(CmdletException.throttled(profile.retryAfterSeconds()), tenant.errorShape()));
        } else if (faults.roll(profile.unavailableRate())) {
            fault = "unavailable";
            answer = InvokeAnswer.frontEndPage(503, "Service Unavailable");
        } else if (faults.roll(profile.gatewayTimeoutRate())) {
            fault = "gatewayTimeout";
            answer = InvokeAnswer.frontEndPage(504, "Gateway Time-out");
        } else {
            pause(faults.between(profile.latencyMinMs(), profile.latencyMaxMs()));
            answer = run(tenant, body, cmdlet, page, selfUrl, metadataContext);
            if (answer.status() == 200 && WriteVerbs.includes(cmdlet) && faults.roll(profile.ambiguousWriteRate())) {
                fault = "ambiguousWrite";
                answer = faults.roll(0.5) ? InvokeAnswer.frontEndPage(504, "Gateway Time-out") : InvokeAnswer.error(tenant, CmdletException.internalError());
            }
            pause(profile.slowResponseMs());
        }
        String retryAfter = answer.headers().get("Retry-After");
        tenant.traffic().record(new CallRecord(cmdlet, arrivedAt, answer.status(),
                retryAfter == null ? null : Integer.valueOf(retryAfter), fault));
        return answer;
    }

    private InvokeAnswer run(SimulatedTenant tenant, JsonNode body, String cmdlet, PageRequest page, String selfUrl, String metadataContext) {
        try {
            if (body == null) {
                throw CmdletException.argument("The request body must be a JSON object with CmdletInput.");
            }
            if (cmdlet.equals(UNPARSED)) {
                throw CmdletException.argument("The request body must contain CmdletInput.CmdletName.");
            }
            CmdletParameters parameters = CmdletParameters.from(body.path("CmdletInput").get("Parameters"));
            List<Map<String, Object>> output = tenant.run(catalog, cmdlet, parameters, propagation.delay());
            return InvokeAnswer.json(200, page(output, page, selfUrl, metadataContext));
        } catch (CmdletException e) {
            return InvokeAnswer.error(tenant, e);
        }
    }

    private static Map<String, Object> page(List<Map<String, Object>> output, PageRequest page, String selfUrl, String metadataContext) {
        int from = Math.min(page.skip(), output.size());
        int to = (int) Math.min((long) from + page.maxPageSize(), output.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", metadataContext);
        answer.put("@adminapi.warnings", List.of());
        answer.put("value", output.subList(from, to));
        if (to < output.size()) {
            answer.put("@odata.nextLink", selfUrl + "?$skiptoken=" + to);
        }
        return answer;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
