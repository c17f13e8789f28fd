package com.trustifi.onboarding.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.DemoTenants;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the local stack, onboards the simulator's demo tenants through the REST API as a partner
 * portal would, shows their progress and prints each one's final status, once the fleet watch has confirmed a
 * SUCCEEDED onboarding in effect. Stops everything it started on exit or Ctrl-C. Exits 0 only when every tenant
 * SUCCEEDED and is ACTIVE.
 */
public final class LocalStackDemo {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private LocalStackDemo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            LocalStackServer.serve(List.of(args).subList(1, args.length));
            return;
        }
        int tenantCount = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("tenant-onboarding-local-stack");
        say("Starting the local stack in " + work + " ...");
        LocalStack stack = LocalStack.start(ProjectLayout.find(), work);
        boolean allSucceeded;
        try {
            say("onboarding-api:  " + stack.apiBaseUri() + "  (OpenAPI: " + stack.apiBaseUri().resolve("/q/swagger-ui") + ")");
            say("tenant-worker:   " + stack.workerBaseUri());
            say("simulator:       " + stack.simulator().baseUri());
            say("service logs:    " + stack.logDirectory());
            say("service JDK:     " + ServiceJdk.describe());
            say(StackControl.HELP);
            var api = new OnboardingApiClient(stack.apiBaseUri());
            new StackControl(stack, StackControl.TenantConnector.administratorsOf(stack, api), LocalStackDemo::say).listen(System.in);
            allSucceeded = onboard(stack, api, DemoTenants.specs(tenantCount));
        } finally {
            say("Stopping the local stack ...");
            stack.close();
        }
        System.exit(allSucceeded ? 0 : 1);
    }

    private static boolean onboard(LocalStack stack, OnboardingApiClient api, List<TenantSpec> tenants) throws Exception {
        api.signUpPartner(stack.operatorKey(), "Local demo partner");
        Map<String, URI> locations = new LinkedHashMap<>();
        for (TenantSpec spec : tenants) {
            SimulatedTenant tenant = stack.simulator().createTenant(spec);
            // a new customer: the app has no access until the tenant's administrator consents
            tenant.appConsent(AppConsent.NEVER_GRANTED);
            api.connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());
            say("Connected " + tenant.displayName() + ": its administrator granted admin consent through the partner's connect link");
            List<String> relayDomains = spec.domains().stream().map(DomainSpec::name).toList();
            stack.dns().putTxt(relayDomains.get(0), "v=spf1 ip4:52.73.143.252 ip4:52.54.159.237 include:spf.protection.outlook.com -all");
            String account = api.openRelayAccount(tenant.displayName(), relayDomains, "mx." + relayDomains.get(0));
            locations.put(tenant.tenantId(), api.submit(tenant.tenantId(), account, relayDomains));
            say("Submitted " + tenant.displayName() + " (" + tenant.tenantId() + ") for " + relayDomains);
        }

        Map<String, String> lastSeen = new LinkedHashMap<>();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (results.size() < locations.size() && System.nanoTime() < deadline) {
            for (var entry : locations.entrySet()) {
                if (results.containsKey(entry.getKey())) {
                    continue;
                }
                JsonNode onboarding;
                try {
                    onboarding = api.poll(entry.getValue());
                } catch (IOException unavailable) {
                    // the API was killed, or its database stopped, from the stack control: wait for it to recover
                    String down = "the API does not answer: " + unavailable.getMessage();
                    if (!down.equals(lastSeen.put(entry.getKey(), down))) {
                        say("  " + entry.getKey() + "  " + down);
                    }
                    continue;
                }
                String progress = progress(onboarding);
                if (!progress.equals(lastSeen.put(entry.getKey(), progress))) {
                    say("  " + entry.getKey() + "  " + progress);
                }
                String status = onboarding.path("status").asText();
                boolean confirmed = status.equals("SUCCEEDED") && !onboarding.path("activation").asText().equals("PENDING");
                if (confirmed || status.equals("FAILED") || status.equals("CANCELED")) {
                    results.put(entry.getKey(), onboarding);
                }
            }
            Thread.sleep(500);
        }

        say("");
        say("Final status");
        boolean allSucceeded = true;
        for (String tenantId : locations.keySet()) {
            JsonNode result = results.get(tenantId);
            String status = result == null ? "TIMED OUT" : result.path("status").asText();
            String activation = result == null ? "" : result.path("activation").asText("");
            allSucceeded &= status.equals("SUCCEEDED") && activation.equals("ACTIVE");
            SimulatedTenant tenant = stack.simulator().tenant(tenantId).orElseThrow();
            say(String.format("  %-36s  %-9s %-6s  connectors out/in: %d/%d, rules: %d  %s", tenantId, status, activation,
                    tenant.outboundConnectors().size(), tenant.inboundConnectors().size(), tenant.transportRules().size(),
                    result == null ? "" : result.path("detail").asText("")));
        }
        return allSucceeded;
    }

    /** The status, how many steps have reported, and the latest step's outcome. */
    private static String progress(JsonNode onboarding) {
        JsonNode steps = onboarding.path("steps");
        String line = String.format("%-11s %2d steps", onboarding.path("status").asText(), steps.size());
        if (onboarding.path("activation").isTextual()) {
            return line + "  activation: " + onboarding.path("activation").asText();
        }
        if (steps.isEmpty()) {
            return line;
        }
        JsonNode latest = steps.get(steps.size() - 1);
        return line + "  latest: " + latest.path("step").asText() + "=" + latest.path("outcome").asText();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
